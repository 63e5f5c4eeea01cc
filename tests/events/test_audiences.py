"""Audience categories: a pick list, several per event, through every door.

The list is seeded by a migration, which also ticks the categories an event's
audience text clearly names; the admin offers them as checkboxes; files carry
them in one column; an approved half-year's events keep theirs.
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from branches.facts import WriteRefused
from branches.models import ReportingPeriod
from events.models import Audience, Event, EventForm
from tests.admin.posting import admin_url, form_errors, post_add, post_change
from tests.dataio.conftest import read_workbook
from tests.integrity.helpers import import_rows

D = datetime.date
MARCH_1 = D(2021, 3, 1)
seed = importlib.import_module("events.migrations.0005_audience_seed")


def make_event(library, title="Викторина", audience="", day=MARCH_1):
    return Event.objects.create(
        library=library, date=day, title=title, audience=audience,
        form=EventForm.objects.get(code="quiz"),
    )  # fmt: skip


def codes(event) -> list[str]:
    return sorted(event.audiences.values_list("code", flat=True))


def test_the_list_is_seeded_in_russian_and_kazakh(db):
    assert list(Audience.objects.values_list("code", "name_ru", "name_kk")) == [
        ("children", "Дети", "Балалар"),
        ("youth", "Молодёжь", "Жастар"),
        ("adults", "Взрослые", "Ересектер"),
        ("disabilities", "Люди с ограниченными возможностями", "Мүмкіндігі шектеулі адамдар"),
        ("seniors", "Пожилые", "Егде жастағы адамдар"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("для детей с ограниченными возможностями", ["children", "disabilities"]),
        ("для старшеклассников", ["youth"]),
        ("для ребят из пришкольного лагеря средней школы №9", ["children"]),
        ("Для молодежи и пенсионеров", ["youth", "seniors"]),
        ("для взрослых читателей", ["adults"]),
        ("для людей старшего возраста", ["seniors"]),
        # Not clear: pupils of any age, families, staff.
        ("для учащихся ОСШ №8", []),
        ("для многодетных семей", []),
        ("для сотрудников ЦБС", []),
    ],
)
def test_the_migration_reads_only_what_the_text_clearly_names(text, expected):
    assert seed.categories_of(text) == expected


def test_the_migration_ticks_existing_events_once_and_keeps_the_text(library, period):
    clear = make_event(library, "А", "для детей с ограниченными возможностями")
    unclear = make_event(library, "Б", "для учащихся ОСШ №8")
    ticked = make_event(library, "В", "для старшеклассников")
    ticked.audiences.set([Audience.objects.get(code="adults")])
    seed.forwards(apps, None)
    seed.forwards(apps, None)  # again: nothing doubled
    assert codes(clear) == ["children", "disabilities"]
    assert codes(unclear) == []
    assert codes(ticked) == ["adults", "youth"]
    assert Event.objects.get(pk=clear.pk).audience == "для детей с ограниченными возможностями"


# The freeze rule: an approved half-year's events keep their categories.


def test_the_audiences_of_an_approved_event_cannot_change(library, period):
    event = make_event(library)
    children, youth = Audience.objects.get(code="children"), Audience.objects.get(code="youth")
    event.audiences.add(children)
    period.status = ReportingPeriod.Status.APPROVED
    period.save()
    # (Each try in its own transaction: Django's many-to-many writes run in the caller's.)
    for write in (
        lambda: event.audiences.add(youth),
        lambda: event.audiences.remove(children),
        lambda: event.audiences.set([youth]),
        lambda: event.audiences.clear(),
        lambda: children.event_set.clear(),
        lambda: youth.event_set.add(event),
    ):
        with pytest.raises(WriteRefused), transaction.atomic():
            write()
    assert codes(event) == ["children"]


def test_an_open_events_audiences_change_freely(library, period):
    event = make_event(library)
    event.audiences.set(Audience.objects.filter(code__in=["children", "youth"]))
    event.audiences.remove(Audience.objects.get(code="youth"))
    assert codes(event) == ["children"]


# Admin: checkboxes, switched-off values not offered.


def event_data(library, *audiences, **extra):
    return {
        "library": library.pk, "date": "01.03.2021", "title": "Викторина",
        "form": EventForm.objects.get(code="quiz").pk, "is_online": "on",
        "audiences": [a.pk for a in audiences], **extra,
    }  # fmt: skip


def test_a_librarian_ticks_several_audiences(client, librarian, library, period):
    client.force_login(librarian)
    page = client.get(admin_url(Event, "add")).content.decode()
    assert 'type="checkbox" name="audiences"' in page
    children, disabled = (Audience.objects.get(code=c) for c in ("children", "disabilities"))
    assert post_add(client, Event, event_data(library, children, disabled)).status_code == 302
    assert codes(Event.objects.get()) == ["children", "disabilities"]


def test_a_switched_off_value_is_not_offered_but_an_event_keeps_it(
    client, librarian, library, period
):
    seniors = Audience.objects.get(code="seniors")
    event = make_event(library)
    event.audiences.set([seniors])
    Audience.objects.filter(pk=seniors.pk).update(is_active=False)
    client.force_login(librarian)
    assert f'value="{seniors.pk}"' not in client.get(admin_url(Event, "add")).content.decode()
    errors = form_errors(post_add(client, Event, event_data(library, seniors)))
    assert any("Выберите корректный вариант" in e for e in errors)
    # The event that has it shows it ticked and keeps it when saved.
    page = client.get(admin_url(Event, "change", event.pk)).content.decode()
    assert f'value="{seniors.pk}"' in page
    response = post_change(client, event, event_data(library, seniors, title="Новое"))
    assert response.status_code == 302
    assert codes(event) == ["seniors"]


def test_a_librarian_reads_the_list_but_does_not_edit_it(client, librarian):
    client.force_login(librarian)
    assert client.get(admin_url(Audience, "changelist")).status_code == 200
    assert client.get(admin_url(Audience, "add")).status_code == 403


def test_another_cbs_cannot_rename_a_value_this_cbs_uses(client, outsider, library, period):
    children = Audience.objects.get(code="children")
    make_event(library).audiences.set([children])
    client.force_login(outsider)
    page = client.get(admin_url(Audience, "change", children.pk)).content.decode()
    assert 'name="name_ru"' not in page
    client.post(
        admin_url(Audience, "change", children.pk),
        {"code": "children", "name_ru": "Малыши", "order": 10, "is_active": "on"},
    )
    assert Audience.objects.get(pk=children.pk).name_ru == "Дети"


def test_the_changelist_filters_by_audience(client, methodologist, library, period):
    make_event(library, "Для детей").audiences.set([Audience.objects.get(code="children")])
    make_event(library, "Без аудитории")
    client.force_login(methodologist)
    children = Audience.objects.get(code="children")
    page = client.get(admin_url(Event, "changelist"), {"audiences__id__exact": children.pk})
    titles = [e.title for e in page.context["cl"].result_list]
    assert titles == ["Для детей"]


# Files: one column, names separated by «;».

HEADER = "Категории аудитории"


def event_cells(**extra):
    return {"Библиотека": "cgb", "Дата": "05.03.2021", "Название": "Викторина",
            "Форма": "Викторина", **extra}  # fmt: skip


def test_import_reads_several_names_and_export_writes_them_back(tmp_path, library, period):
    cells = event_cells(**{HEADER: "Дети; люди с ограниченными возможностями"})
    assert import_rows(tmp_path, "Мероприятия", [cells]) is None
    event = Event.objects.get()
    assert codes(event) == ["children", "disabilities"]
    path = tmp_path / "out.xlsx"
    call_command("export_data", "--output", str(path))
    rows = read_workbook(str(path))["Мероприятия"]
    column = rows[0].index(HEADER)
    assert rows[1][column] == "Дети; Люди с ограниченными возможностями"


def test_an_unknown_name_is_refused_naming_the_cell_and_nothing_is_saved(tmp_path, library, period):
    rows = [event_cells(), event_cells(Название="Второе", **{HEADER: "Дети; Подростки"})]
    error = import_rows(tmp_path, "Мероприятия", rows)
    assert error is not None
    message = str(error)
    assert "строка 3" in message and HEADER in message
    assert "«Подростки» нет в списке «категории аудитории»" in message
    assert not Event.objects.exists()


def test_a_value_in_use_is_not_deleted(client, methodologist, library, period):
    children = Audience.objects.get(code="children")
    make_event(library).audiences.set([children])
    client.force_login(methodologist)
    page = client.post(admin_url(Audience, "delete", children.pk), {"post": "yes"})
    assert "уже есть в данных (записей: 1), удалить его нельзя" in page.content.decode()
    assert Audience.objects.filter(pk=children.pk).exists()
