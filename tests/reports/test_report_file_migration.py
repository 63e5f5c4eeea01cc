"""ReportFile moved from dataio to reports (reports.0007, dataio.0003): a database of
before the move keeps its report files, and their content type (with its permissions)
follows them."""

from reports.models import ReportFile
from tests.migrating import in_a_database_of_its_own, migrate

BEFORE = [("dataio", "0002_report_file"), ("reports", "0006_sections_network_control")]
AFTER = [("dataio", "0003_report_file_to_reports"), ("reports", "0007_report_file")]


def report_file_moved() -> dict:
    """A report file of before the move, with its content type and a permission as the
    database had them; what reports has of them after it."""
    old = migrate(BEFORE)
    organization = old.get_model("branches", "Organization").objects.create(
        code="cbs", name_ru="ЦБС", name_kk="ОКЖ", city_ru="Балхаш"
    )
    period = old.get_model("branches", "ReportingPeriod").objects.create(
        organization=organization, year=2021, half=1
    )
    report = old.get_model("reports", "Report").objects.create(
        organization=organization, period=period
    )
    user = old.get_model("auth", "User").objects.create(username="methodist")
    old_file = old.get_model("dataio", "ReportFile").objects.create(
        report_id=report.pk, user_id=user.pk, fmt="docx", language="kk", state="ready",
        content=b"docx", filename="report-2021-H1-kk.docx",
    )  # fmt: skip
    old_types = old.get_model("contenttypes", "ContentType").objects
    old_types.filter(model="reportfile").delete()
    old_type = old_types.create(app_label="dataio", model="reportfile")
    old.get_model("auth", "Permission").objects.create(
        content_type=old_type, codename="view_reportfile", name="Can view файл отчёта"
    )

    new = migrate(AFTER)
    file = new.get_model("reports", "ReportFile").objects.get(pk=old_file.pk)
    types = new.get_model("contenttypes", "ContentType").objects.filter(model="reportfile")
    permissions = new.get_model("auth", "Permission").objects.filter(codename="view_reportfile")
    return {
        "made": {"report": report.pk, "user": user.pk, "content_type": old_type.pk},
        "file": [
            file.report_id,
            file.user_id,
            file.filename,
            bytes(file.content).decode(),
            file.state,
        ],
        "content_types": sorted(types.values_list("pk", "app_label")),
        "permissions": sorted(permissions.values_list("content_type_id", flat=True)),
    }


def test_a_report_file_of_before_the_move_is_found_in_reports(tmp_path):
    result = in_a_database_of_its_own(report_file_moved, tmp_path)
    made = result["made"]
    assert result["file"] == [
        made["report"], made["user"], "report-2021-H1-kk.docx", "docx", ReportFile.State.READY
    ]  # fmt: skip
    # The content type moved to reports, the same row with its permission; none is left
    # in dataio.
    assert result["content_types"] == [[made["content_type"], "reports"]]
    assert result["permissions"] == [made["content_type"]]
