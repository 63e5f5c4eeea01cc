"""The named events of «Информационно-библиотечная поддержка значимых мероприятий».

Each is one row; its initiatives, highlight and form put it in the seed's groups.
"""

from collections import Counter

from django.db.models import Count

from branches.models import SocialPage
from events.models import Event
from events.selectors import event_groups, events_in


def groups_of(period):
    ids = list(period.organization.libraries.values_list("pk", flat=True))
    return event_groups(events_in(library_ids=ids, start=period.start, end=period.end))


def short_names(events):
    return [e.library.short_name for e in events]


def test_every_demo_event_is_dated_in_the_first_half_of_2021(demo_period):
    assert not Event.objects.exclude(date__range=(demo_period.start, demo_period.end)).exists()


def test_an_event_listed_in_several_sections_is_one_row(demo):
    duplicates = Event.objects.values("library", "title").annotate(n=Count("pk")).filter(n__gt=1)
    assert list(duplicates) == []
    doszhan = Event.objects.get(title="встреча в прямом эфире «Сырға толы нұрлы бейне»")
    assert doszhan.form.code == "live"
    assert set(doszhan.initiatives.values_list("code", flat=True)) == {
        "parasat-zholy",
        "one-country-one-book",
    }


def test_the_seeds_form_groups_challenges_zoom_and_live(demo_period):
    groups = groups_of(demo_period)
    # In the seed's order (the demo's position numbers), not by date.
    assert short_names(groups["challenges"]) == ["ЦГБ", "ЦГБ", "ЦГДБ", "ЦГДБ", "ф№4"]
    assert len(groups["zoom"]) == 13
    assert all(e.form.code not in ("live", "challenge") for e in groups["zoom"])
    # Nine numbered broadcasts; the 8th is two, of ЦГБ and ЦГДБ, on 31 May.
    live = groups["live"]
    assert len(live) == 10
    assert [(e.date.day, e.date.month, e.library.short_name) for e in live[7:9]] == [
        (31, 5, "ЦГБ"),
        (31, 5, "ЦГДБ"),
    ]
    assert live[-1].date.isoformat() == "2021-06-07"


def test_the_initiative_and_highlight_groups(demo_period):
    groups = groups_of(demo_period)
    assert {code: len(groups[code]) for code in (
        "parasat", "kitap_fest", "one_country_one_book", "children_reading", "local",
    )} == {
        "parasat": 7, "kitap_fest": 10, "one_country_one_book": 13, "children_reading": 12,
        "local": 11,
    }  # fmt: skip
    # The festival and its essay contest are not items of the festival's own list.
    assert "книжный фестиваль «KITAP FEST»" not in [e.title for e in groups["kitap_fest"]]
    assert groups["parasat"][0].date.isoformat() == "2021-03-10"


def test_literary_events_per_library_with_their_pages(demo, demo_period):
    literary = groups_of(demo_period)["literary"]
    assert Counter(short_names(literary)) == {
        "ЦГБ": 11, "ЦГДБ": 10, "ф№1": 12, "ф№2": 13, "ф№3": 13, "ф№4": 12, "ф№5": 11, "ф№6": 8,
    }  # fmt: skip
    pages = Counter(
        SocialPage.objects.filter(organization=demo).values_list("library__code", flat=True)
    )
    assert pages == {None: 4, "cgdb": 2, "f1": 1, "f2": 2, "f3": 1, "f4": 1, "f5": 1, "f6": 1}


def test_a_dedication_is_kept_apart_from_the_title(demo):
    event = Event.objects.get(title="час поэзии «Өрен жүйрік, өшпес бейне»")
    assert (event.dedication, event.library.short_name) == ("к 175-летию Ж.Жабаева", "ЦГДБ")
    assert list(event.platforms.values_list("code", flat=True)) == ["zoom"]


def test_online_actions_lists_only_events_no_other_group_shows(demo_period):
    groups = groups_of(demo_period)
    shown_elsewhere = {
        e.pk
        for code, events in groups.items()
        if code not in ("online_actions", "challenges", "live", "zoom")
        for e in events
    }
    actions = groups["online_actions"]
    assert actions
    assert not shown_elsewhere & {e.pk for e in actions}
    assert "бенефис читателя «С книгой по жизни»" in [e.title for e in actions]


def _names(events):
    return [e.title.split("«")[1].split("»")[0] if "«" in e.title else e.title for e in events]


def test_groups_print_in_the_seeds_order_not_by_date(demo_period):
    groups = groups_of(demo_period)
    assert _names(groups["zoom"]) == [
        "Коллегам на пользу", "Фактчекинг: важная информация для старшеклассников",
        "Знакомство с местными периодическими изданиями", "Өрен жүйрік, өшпес бейне",
        "Цветы для любимых мам", "Одна страна, одна книга", "Одна страна, одна книга",
        "Кітапқұмар балалар", "Жамбыл - менің жай атым, халық - менің шын атым",
        "Сказочный герой – добрый или злой", "Тарихқа тұнған туған өлкем",
        "Кітапхана – рухани байлық мекені", "Одна страна – одна книга",
    ]  # fmt: skip
    assert [e.library.short_name for e in groups["zoom"][5:7]] == ["ф№1", "ф№4"]
    assert _names(groups["kitap_fest"])[:3] == [
        "KITAP FEST", "Балқаш өңірінің әдеби - мәдени мұрасы", "Ойлан, тап!",
    ]  # fmt: skip
    parasat = _names(groups["parasat"])
    assert parasat[:2] == ["Парасат жолы", "Строим будущее без коррупции"]
    assert parasat[-1] == "О добре и добропорядочности"
    tiktoks = [i for i, e in enumerate(groups["online_actions"]) if e.form.code == "tiktok"]
    assert tiktoks == list(range(tiktoks[0], tiktoks[0] + 8))  # standing together


def test_audiences_are_ticked_where_the_seeds_words_name_them(demo):
    """«для детей с ограниченными возможностями» is two categories; «для учащихся ОСШ №8»
    (pupils of any age) is none; the text itself stays the report's wording."""
    ticked = {
        event.title: sorted(event.audiences.values_list("code", flat=True))
        for event in Event.objects.filter(audiences__isnull=False).distinct()
    }
    assert ticked["онлайн-игра «Сказочный герой – добрый или злой»"] == [
        "children",
        "disabilities",
    ]
    assert ticked["информационный обзор «Знакомство с местными периодическими изданиями»"] == [
        "youth"
    ]
    assert ticked["семинар «Коллегам на пользу»"] == ["adults"]
    assert len(ticked) == 9
    unclear = Event.objects.get(audience="для учащихся ОСШ №8")
    assert unclear.audiences.count() == 0
    game = Event.objects.get(title="онлайн-игра «Сказочный герой – добрый или злой»")
    assert game.audience == "для детей с ограниченными возможностями"


def test_events_in_shares_the_libraries_given_and_reads_what_a_query_per_event_would(
    demo_period, django_assert_num_queries
):
    """Three queries for every event of the half-year with its library, form, initiatives
    and platforms; each event's are what the database holds for it."""
    libraries = list(demo_period.organization.libraries.all())
    ids = [library.pk for library in libraries]
    with django_assert_num_queries(3):  # the events with their form, initiatives, platforms
        events = events_in(
            library_ids=ids, start=demo_period.start, end=demo_period.end, libraries=libraries
        )
        read = [
            (e.library, e.form.code, e.form.name_kk, e.linked("initiatives"), e.linked("platforms"))
            for e in events
        ]
    assert (
        len(events)
        == Event.objects.filter(date__range=(demo_period.start, demo_period.end)).count()
    )
    assert all(any(e.library is library for library in libraries) for e in events)
    for event, (library, form_code, form_kk, initiatives, platforms) in zip(
        events, read, strict=True
    ):
        stored = Event.objects.get(pk=event.pk)
        assert (library, form_code, form_kk) == (
            stored.library,
            stored.form.code,
            stored.form.name_kk,
        )
        assert initiatives == list(stored.initiatives.order_by("pk"))
        assert platforms == list(stored.platforms.order_by("pk"))
