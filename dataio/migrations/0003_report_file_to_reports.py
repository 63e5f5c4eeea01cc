# ReportFile now belongs to reports (reports.0007_report_file): the table stays, under
# its old name, and only Django's state forgets it here.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("dataio", "0002_report_file"),
        ("reports", "0007_report_file"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ReportFile")],
            database_operations=[],
        ),
    ]
