"""Seed the pick lists with the values that occur in the seed report."""

from django.db import migrations

from branches import seed_lists


def forwards(apps, schema_editor):
    seed_lists.load(apps, "holdings", "FundingSource", seed_lists.FUNDING_SOURCES)
    seed_lists.load(apps, "holdings", "WriteOffReason", seed_lists.WRITE_OFF_REASONS)


class Migration(migrations.Migration):
    dependencies = [("holdings", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
