"""ReportFile moved from dataio to reports (reports.0007, dataio.0003): a database of
before the move keeps its report files, and their content type (with its permissions)
follows them."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from branches.models import Organization, ReportingPeriod
from reports.models import Report, ReportFile
from tests.migrating import migrate, migrate_to_latest

BEFORE = [("dataio", "0002_report_file"), ("reports", "0006_sections_network_control")]


# serialized_rollback, as every transactional test here: the rows of the migrations come
# back for the next one, and the flush after it sends no post_migrate.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_report_file_of_before_the_move_is_found_in_reports(django_user_model):
    organization = Organization.objects.create(
        code="cbs", name_ru="ЦБС", name_kk="ОКЖ", city_ru="Балхаш"
    )
    period = ReportingPeriod.objects.create(organization=organization, year=2021, half=1)
    report = Report.objects.create(organization=organization, period=period)
    user = django_user_model.objects.create_user("methodist")
    try:
        old = migrate(BEFORE)
        old_file = old.get_model("dataio", "ReportFile").objects.create(
            report_id=report.pk, user_id=user.pk, fmt="docx", language="kk", state="ready",
            content=b"docx", filename="report-2021-H1-kk.docx",
        )  # fmt: skip
        # Its content type and a permission, as the database had them before the move.
        old_types = old.get_model("contenttypes", "ContentType").objects
        old_types.filter(model="reportfile").delete()
        old_type = old_types.create(app_label="dataio", model="reportfile")
        old.get_model("auth", "Permission").objects.create(
            content_type=old_type, codename="view_reportfile", name="Can view файл отчёта"
        )
    finally:
        migrate_to_latest()

    file = ReportFile.objects.get(pk=old_file.pk)
    assert (file.report, file.user, file.filename) == (report, user, "report-2021-H1-kk.docx")
    assert bytes(file.content) == b"docx" and file.state == ReportFile.State.READY
    ContentType.objects.clear_cache()
    content_type = ContentType.objects.get_for_model(ReportFile)
    assert (content_type.pk, content_type.app_label) == (old_type.pk, "reports")
    assert not ContentType.objects.filter(app_label="dataio", model="reportfile").exists()
    assert Permission.objects.filter(content_type=content_type, codename="view_reportfile").exists()
