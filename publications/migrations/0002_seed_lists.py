"""Seed the pick lists with the values that occur in the seed report."""

from django.db import migrations

from branches import seed_lists


def forwards(apps, schema_editor):
    seed_lists.load(apps, "publications", "PublicationKind", seed_lists.PUBLICATION_KINDS, extra_field='is_multimedia')


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
