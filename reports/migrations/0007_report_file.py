# ReportFile moves from dataio to reports: its table (dataio_reportfile) stays, only
# Django's state moves; the content type follows, so its permissions do too.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_to_reports(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    if not types.filter(app_label="reports", model="reportfile").exists():
        types.filter(app_label="dataio", model="reportfile").update(app_label="reports")


def content_type_to_dataio(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    if not types.filter(app_label="dataio", model="reportfile").exists():
        types.filter(app_label="reports", model="reportfile").update(app_label="dataio")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dataio", "0002_report_file"),
        ("reports", "0006_sections_network_control"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReportFile",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("fmt", models.CharField(max_length=10)),
                        ("language", models.CharField(max_length=10)),
                        ("year", models.BooleanField(default=False)),
                        ("state", models.CharField(choices=[("pending", "готовится"), ("ready", "готов"), ("failed", "сбой")], default="pending", max_length=10)),
                        ("content", models.BinaryField(default=b"")),
                        ("filename", models.CharField(blank=True, max_length=100)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("report", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="reports.report")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "файл отчёта",
                        "verbose_name_plural": "файлы отчёта",
                        "db_table": "dataio_reportfile",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_reports, content_type_to_dataio),
    ]
