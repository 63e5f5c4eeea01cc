"""The methodologist's override (why the report goes on without every library's hand-in
accepted) moves from the report to its period: it is part of the lock state, which lives
on the ground floor (branches). The values are copied before the report's fields go."""

from django.db import migrations

FIELDS = ("handin_override_reason", "handin_override_by_id", "handin_override_at")


def to_period(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    ReportingPeriod = apps.get_model("branches", "ReportingPeriod")
    for report in Report.objects.exclude(handin_override_reason=""):
        ReportingPeriod.objects.filter(pk=report.period_id).update(
            **{name: getattr(report, name) for name in FIELDS}
        )


def to_report(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    ReportingPeriod = apps.get_model("branches", "ReportingPeriod")
    for period in ReportingPeriod.objects.exclude(handin_override_reason=""):
        Report.objects.filter(period_id=period.pk).update(
            **{name: getattr(period, name) for name in FIELDS}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_report_file"),
        ("branches", "0007_period_handin_override"),
    ]

    operations = [
        migrations.RunPython(to_period, to_report),
        migrations.RemoveField(model_name="report", name="handin_override_at"),
        migrations.RemoveField(model_name="report", name="handin_override_by"),
        migrations.RemoveField(model_name="report", name="handin_override_reason"),
    ]
