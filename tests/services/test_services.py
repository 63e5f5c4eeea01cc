"""services: reference work, clubs, partners — the constraints and their ru/kk messages,
the annual report's sections (parts add up to totals, a year only), the checks against
the other counts of references, and the events' directions."""

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.utils import translation

from branches.calendar import span_parse
from branches.checks import check_by_code
from branches.models import Organization
from events.models import Event
from reports.builder import report_build
from services.models import ClubWork, Recognition, ReferenceWork

# Module fixtures hold the demo: marked, so pytest-django runs these before the
# transactional tests that empty the database.
pytestmark = pytest.mark.django_db

REFERENCES = dict(thematic=10, factual=20, address=5, clarifying=3, references=38, remote=12)
# The form's other counts, as its page offers them (0).
OTHERS = dict.fromkeys(
    ["information_days", "library_lessons", "reviews", "ill_received", "ill_sent",
     "ill_supplied", "edd_received", "edd_sent", "edd_supplied"],
    0,
)  # fmt: skip


def _form(data, user):
    model_admin = admin.site._registry[ReferenceWork]
    request = RequestFactory().get("/")
    request.user = user
    form_class = model_admin.get_form(request)
    return form_class(data=data)


@pytest.mark.parametrize(
    "values, field, ru, kk",
    [
        (
            {**REFERENCES, "references": 40},
            "references",
            "в сумме должны равняться числу справок всего",
            "анықтамалардың жалпы санына тең болуы керек",
        ),
        (
            {**REFERENCES, "remote": 39},
            "remote",
            "Удалённых справок не может быть больше",
            "барлық анықтамалардан көп бола алмайды",
        ),
    ],
)
def test_parts_above_the_total_are_refused_by_the_form_in_both_languages_and_by_the_database(
    methodologist, library, period, values, field, ru, kk
):
    data = {"library": library.pk, "period": period.pk, **values, **OTHERS}
    for language, message in (("ru", ru), ("kk", kk)):
        with translation.override(language):
            form = _form(data, methodologist)
            assert not form.is_valid()
            assert message in " ".join(form.errors[field])
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferenceWork.objects.create(library=library, period=period, **values)
    assert not ReferenceWork.objects.exists()


def test_a_consistent_reference_row_is_accepted(methodologist, library, period):
    data = {"library": library.pk, "period": period.pk, **REFERENCES, **OTHERS}
    form = _form(data, methodologist)
    assert form.is_valid(), form.errors


def _ctx(*, refs_remote=12, refs_total=38, virtual=20, logged=38, entered=None):
    library = SimpleNamespace(pk=1, short_name="ЦГБ", code="cgb")
    figures = SimpleNamespace(
        declared={"refs_remote": refs_remote, "refs_total": refs_total},
        virtual_references=virtual,
        indicators=SimpleNamespace(references=logged),
        entered=entered
        if entered is not None
        else {"reference_work": 1, "virtual_references": 1, "work_log": 90},
    )
    return SimpleNamespace(
        libraries=[library], now={1: figures}, span=SimpleNamespace(label="2021")
    )


def _run(code, ctx):
    check = check_by_code(code)
    return [r.message("ru") for r in check.run(check, ctx)]


def test_fewer_remote_references_than_virtual_ones_is_a_warning(db):
    assert _run("reference_remote_below_virtual", _ctx()) == [
        "ЦГБ: удалённых справок – 12, меньше, чем виртуальных справок (20), "
        "а виртуальные входят в удалённые."
    ]
    assert _run("reference_remote_below_virtual", _ctx(refs_remote=20)) == []
    # Not compared where one of the two was not entered.
    assert _run("reference_remote_below_virtual", _ctx(entered={"reference_work": 1})) == []


def test_references_by_kind_differing_from_the_work_log_is_a_warning(db):
    assert _run("reference_total_differs_from_log", _ctx(logged=40)) == [
        "ЦГБ: справок по видам – 38, а в дневнике работы за 2021 – 40."
    ]
    assert _run("reference_total_differs_from_log", _ctx()) == []


@pytest.fixture(scope="module")
def year_report(_demo_loaded, django_db_blocker):
    with django_db_blocker.unblock():
        organization = Organization.objects.get(code="balkhash")
        return {
            language: report_build(
                organization=organization,
                span=span_parse(organization, "2021"),
                language=language,
            )
            for language in ("ru", "kk")
        } | {"events": Event.objects.filter(date__year=2021).count()}


def _adds_up(table):
    *rows, total = table.rows
    assert total.kind == "total"
    for column in range(1, len(total.cells)):
        values = [row.cells[column] for row in rows]
        assert all(isinstance(v, int) for v in values), (table.title, column)
        assert sum(values) == total.cells[column], (table.title, column)


def test_the_year_report_has_the_reference_work_and_clubs_whose_rows_add_up(year_report):
    report = year_report["ru"]
    references = report.section("reference_work").tables()
    assert [t.title for t in references] == [
        "Справочно-библиографическое обслуживание",
        "Информационная работа",
        "МБА и ЭДД",
    ]
    for table in references + report.section("clubs").tables():
        _adds_up(table)
    first = references[0]
    for row in first.rows:  # the kinds add up to the total; remote within it
        total, *kinds, remote = row.cells[1:]
        assert sum(kinds) == total and remote <= total
    clubs, directions = report.section("clubs").tables()
    assert clubs.rows[-1].cells[1] == 12  # the demo's clubs of its latest half-year
    assert directions.title == "Массовая работа по направлениям"
    assert directions.rows[-1].cells[1] == year_report["events"]


def test_the_partners_print_as_lists_in_both_languages(year_report):
    # The demo's awards come with its second half-year's data (a work log for it).
    ru = year_report["ru"].section("partners").lists()
    assert [lst.title for lst in ru][:2] == ["Партнёры", "Проекты"]
    assert ru[0].items[0] == (
        "Отдел культуры и развития языков г. Балхаш, 15.01.2021 — иллюстративные данные"
    )
    kk = year_report["kk"].section("partners").lists()
    assert [lst.title for lst in kk][:2] == ["Серіктестер", "Жобалар"]
    assert kk[0].items[0].startswith("Балқаш қ. мәдениет және тілдерді дамыту бөлімі, 15.01.2021")
    headers = year_report["kk"].section("reference_work").tables()[2].header[0]
    assert headers[1].text == "Кітапханааралық абонемент (КАА)"


def test_a_half_year_report_has_no_annual_section(_demo_loaded, db):
    organization = Organization.objects.get(code="balkhash")
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    codes = {section.code for section in report.sections}
    assert not codes & {"reference_work", "clubs", "partners"}


def test_a_year_without_rows_says_no_data_not_zero(organization, library, period):
    report = report_build(organization=organization, span=span_parse(organization, "2021"))
    table = report.section("reference_work").tables()[0]
    assert table.rows[0].cells[1] == "нет данных"
    assert table.rows[-1].cells[1] == "нет данных"
    assert [b.text for b in report.section("partners").blocks][-1] == "нет данных"


def test_a_total_over_some_libraries_says_over_how_many(
    organization, library, other_library, period
):
    ClubWork.objects.create(library=library, period=period, name_ru="Клуб", members=10, meetings=4)
    report = report_build(organization=organization, span=span_parse(organization, "2021"))
    table = report.section("clubs").tables()[0]
    cells = [row.cells for row in table.rows]
    assert ["нет данных", None, None] in [c[1:] for c in cells]
    assert cells[-1][0] == "Всего по ЦБС (по 1 из 2 библиотек)"
    assert cells[-1][1:] == [1, 10, 4]


def test_a_club_in_another_library_of_the_same_name_is_another_row(library, other_library, period):
    ClubWork.objects.create(library=library, period=period, name_ru="Клуб", members=1)
    ClubWork.objects.create(library=other_library, period=period, name_ru="Клуб", members=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClubWork.objects.create(library=library, period=period, name_ru="Клуб", members=3)


def test_a_whole_system_award_prints_without_its_library(organization, library, period):
    import datetime

    Recognition.objects.create(
        library=library, date=datetime.date(2021, 3, 1), kind="award", name_ru="Грамота",
        whole_system=True,
    )  # fmt: skip
    report = report_build(organization=organization, span=span_parse(organization, "2021"))
    assert report.section("partners").lists()[0].items == ["Грамота, 01.03.2021"]
