"""The example kind (visits per library and half-year), added as the README's
«Adding a kind of data» says, shows up everywhere the registry is read.

Run by `tests/test_kind_example.py` in its own pytest process with
`tests.kind_example.settings` (the app installed), never by the main suite.
"""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Group

from branches.calendar import span_parse
from branches.kinds import LIBRARIAN
from dashboard.figures import overview
from dashboard.spans import SpanBook
from dataio.exporting import organization_export
from dataio.schema import SHEET_BY_MODEL
from figures.reader import key_figures
from reports.builder import report_build
from reports.renderers.xlsx import render_xlsx
from tests.admin.factories import BUILDERS
from tests.kind_example.models import LibraryVisits

# The kind's factory, as tests/admin/factories.py would hold it.
BUILDERS["example_visits"] = lambda library, period, n: {"period": period, "visits": 100 * n}

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_period(organization):
    from branches.models import ReportingPeriod

    return ReportingPeriod.objects.create(organization=organization, year=2021, half=2)


@pytest.fixture
def visits(library, other_library, period, second_period):
    LibraryVisits.objects.create(library=library, period=period, visits=1200)
    LibraryVisits.objects.create(library=library, period=second_period, visits=1300)
    LibraryVisits.objects.create(library=other_library, period=period, visits=400)


def test_migrate_gave_the_roles_their_rights_on_the_new_kind():
    librarian = set(
        Group.objects.get(name=LIBRARIAN).permissions.values_list("codename", flat=True)
    )
    assert {"view_libraryvisits", "add_libraryvisits", "change_libraryvisits"} <= librarian


def test_the_kind_travels_in_the_data_files(organization, visits):
    assert SHEET_BY_MODEL[LibraryVisits].title == "Посещения"
    output = io.BytesIO()
    organization_export(organization=organization, output=output)
    book = openpyxl.load_workbook(io.BytesIO(output.getvalue()))
    rows = list(book["Посещения"].iter_rows(values_only=True))
    assert rows[0] == ("Библиотека", "Период", "Посещений")
    assert sorted(rows[1:]) == [
        ("cgb", "2021-H1", 1200),
        ("cgb", "2021-H2", 1300),
        ("f4", "2021-H1", 400),
    ]


def test_completeness_has_its_column_and_counts_its_rows(organization, library, visits):
    book = SpanBook(organization)
    data = overview(organization=organization, span=book.parse("2021-H1"), book=book)
    assert ("example_visits", "Посещения") in data.completeness_columns
    assert dict(data.completeness)[library]["example_visits"] == 1


def test_a_library_with_only_visits_is_not_a_library_without_data(organization, visits):
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    silent = [n.text for n in report.notes if "нет никаких данных" in n.text]
    assert not [t for t in silent if t.startswith(("ЦГБ", "ф№4"))]


def test_the_periods_with_data_include_its_periods(organization, visits):
    # 2021-H2 has nothing but visits.
    assert [s.code for s in SpanBook(organization).with_data()] == ["2021-H2", "2021-H1", "2021"]


@pytest.mark.parametrize(("code", "cgb", "f4"), [("2021-H1", 1200, 400), ("2021", 2500, 400)])
def test_its_figure_per_library_is_the_reports_for_a_half_year_and_a_year(
    organization, library, other_library, visits, code, cgb, f4
):
    book = SpanBook(organization)
    span = book.parse(code)
    data = overview(organization=organization, span=span, book=book)
    rows = {lib.code: figures.declared["visits"] for lib, figures in data.per_library}
    assert rows == {"cgb": cgb, "f4": f4}
    for lib in (library, other_library):
        report = report_build(organization=organization, span=span, libraries=[lib])
        assert report.key_figures["visits"] == rows[lib.code]
    assert key_figures(organization=organization, span=span).declared["visits"] == cgb + f4


def test_a_figure_not_key_is_a_code_but_no_card_and_no_summary_row(
    client, director, organization, library, visits
):
    from figures.codes import code_values, figure_codes
    from figures.reader import figures_read

    span = span_parse(organization, "2021")
    assert "visits_last_half" in figure_codes()
    ids = [library.pk]
    reads = figures_read(organization=organization, span=span, library_ids=ids, with_mass_work=True)
    assert code_values(reads, {"visits_last_half"})[library.pk]["visits_last_half"].number == 1300
    data = report_build(organization=organization, span=span)
    assert "visits_last_half" not in data.key_figures and data.key_figures["visits"] == 2900
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(data)))
    summary = [row[0] for row in book.worksheets[0].iter_rows(min_row=6, values_only=True)]
    assert "Посещений" in summary and "Посещений за последнее полугодие" not in summary
    client.force_login(director)
    response = client.get("/dashboard/?period=2021")
    assert [c.key for c in response.context["cards"] if c.key.startswith("visits")] == ["visits"]


def test_the_xlsx_summary_names_the_figure(organization, visits):
    data = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(data)))
    summary = {row[0]: row[1] for row in book.worksheets[0].iter_rows(min_row=6, values_only=True)}
    assert summary["Посещений"] == 1600


def test_a_librarian_sees_only_their_librarys_visits_in_admin(client, librarian, visits):
    client.force_login(librarian)
    response = client.get("/admin/kind_example/libraryvisits/")
    assert response.status_code == 200
    assert {row.library.code for row in response.context["cl"].result_list} == {"cgb"}


def test_its_check_runs_in_the_hand_in_and_in_check_data(organization, period, visits):
    from django.core.management import call_command

    from handin.checks import check_run

    found = [r for r in check_run(period=period) if r.code == "example_visits_above_limit"]
    assert [(r.library.code, r.message("ru")) for r in found] == [
        ("cgb", "ЦГБ: посещений за полугодие – 1\xa0200, больше 1\xa0000.")
    ]
    out = io.StringIO()
    call_command("check_data", "--period", "2021-H1", stdout=out)
    assert "ЦГБ: посещений за полугодие – 1\xa0200, больше 1\xa0000." in out.getvalue()


def test_its_threshold_is_the_methodologists(organization, period, visits):
    from handin.checks import check_run
    from handin.models import CheckThreshold

    CheckThreshold.objects.create(
        organization=organization, code="example_visits_above_limit", value=2000
    )
    assert not [r for r in check_run(period=period) if r.code == "example_visits_above_limit"]


def test_the_dashboard_shows_its_figure_as_a_card(client, director, visits):
    client.force_login(director)
    response = client.get("/dashboard/?period=2021-H1")
    assert response.status_code == 200
    card = next(c for c in response.context["cards"] if c.key == "visits")
    assert (card.label, card.value) == ("Посещений", 1600)
    assert "Посещений" in response.content.decode()


def test_its_rows_print_at_the_end_of_section_two(organization, visits):
    from docx import Document

    from reports.renderers.docx import render_docx

    data = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    table = data.section("control").tables()[-1]
    assert table.title == "Посещения библиотек"
    assert [row.cells for row in table.rows] == [
        ["ЦГБ", 1200],
        ["ф№4", 400],
        ["Всего по ЦБС", 1600],
    ]
    document = Document(io.BytesIO(render_docx(data)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "Посещения библиотек" in texts
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"Посещений", "1600"} <= cells
