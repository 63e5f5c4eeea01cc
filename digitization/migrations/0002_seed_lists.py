"""Seed the pick lists with the values that occur in the seed report."""

from django.db import migrations

from branches import seed_lists


def forwards(apps, schema_editor):
    seed_lists.load(apps, "digitization", "DocumentKind", seed_lists.DOCUMENT_KINDS)


class Migration(migrations.Migration):
    dependencies = [("digitization", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
