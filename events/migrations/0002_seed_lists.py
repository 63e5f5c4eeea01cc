"""Seed the pick lists with the values that occur in the seed report."""

from django.db import migrations

from branches import seed_lists


def forwards(apps, schema_editor):
    seed_lists.load(apps, "events", "EventForm", seed_lists.EVENT_FORMS)
    seed_lists.load(apps, "events", "Initiative", seed_lists.INITIATIVES)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
