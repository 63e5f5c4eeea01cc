"""Seed the pick lists with the values that occur in the seed report."""

from django.db import migrations

from branches import seed_lists


def forwards(apps, schema_editor):
    seed_lists.load(apps, "catalogue", "CatalogueDatabase", seed_lists.CATALOGUE_DATABASES)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
