"""The demo exported, loaded into an empty database, gives the same report to the letter."""

import pytest
from django.core.management import call_command

from branches.calendar import span_parse
from branches.models import Organization
from events.models import Event
from reports.builder import report_build
from reports.models import Report, SectionText
from reports.renderers import RENDERERS
from tests.dataio.conftest import read_workbook
from tests.dataio.test_commands import empty_database

SPANS = ["2021-H1", "2021"]


def reports_of(code="balkhash") -> dict:
    organization = Organization.objects.get(code=code)
    return {
        (span, language): report_build(
            organization=organization, span=span_parse(organization, span), language=language
        )
        for span in SPANS
        for language in ("ru", "kk")
    }


def _without_ids(data: dict) -> dict:
    """The report's data but the database ids of its items without Kazakh text (links of
    the report page): a round trip gives its rows new ids."""
    return {**data, "untranslated": [[label, text] for label, _pk, text in data["untranslated"]]}


@pytest.mark.django_db
def test_the_demo_round_trip_builds_the_identical_report(demo_written, tmp_path):
    before = reports_of()
    exported = tmp_path / "demo.xlsx"
    call_command("export_data", "--output", str(exported))

    empty_database()
    assert not Organization.objects.exists() and not Event.objects.exists()
    call_command("import_data", str(exported))

    after = reports_of()
    for key, data in before.items():
        assert _without_ids(after[key].as_dict()) == _without_ids(data.as_dict()), key
    # The rendered files say the same too (DOCX and XLSX of the half-year, in Russian).
    for output_format, (render, _content_type) in RENDERERS.items():
        assert _text_of(output_format, render(after[("2021-H1", "ru")])) == _text_of(
            output_format, render(before[("2021-H1", "ru")])
        )
    again = tmp_path / "again.xlsx"
    call_command("export_data", "--output", str(again))
    assert read_workbook(again) == read_workbook(exported)
    assert SectionText.objects.exists()


def _text_of(output_format: str, content: bytes):
    import io

    if output_format == "xlsx":
        return read_workbook(content)
    import docx

    document = docx.Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return paragraphs, cells


@pytest.mark.django_db
def test_an_approved_report_is_approved_again_after_the_round_trip(demo_written, tmp_path):
    from reports.services import report_set_status
    from tests.handin.helpers import accept_every_handin

    report = Report.objects.get(period__year=2021, period__half=1)
    accept_every_handin(report.period)
    report_set_status(report=report, status="submitted")
    report_set_status(report=Report.objects.get(pk=report.pk), status="approved")
    frozen = Report.objects.get(pk=report.pk).snapshot
    exported = tmp_path / "demo.xlsx"
    call_command("export_data", "--output", str(exported))

    empty_database()
    call_command("import_data", str(exported))

    report = Report.objects.get(period__year=2021, period__half=1)
    assert report.status == "approved"
    assert report.period.status == "approved"
    for language in ("ru", "kk"):
        before, after = dict(frozen[language]), dict(report.snapshot[language])
        before.pop("generated"), after.pop("generated")  # the day of approval
        assert _without_ids(after) == _without_ids(before)
