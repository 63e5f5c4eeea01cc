"""The database cache's table, so that `migrate` alone leaves a working site.

createcachetable makes the tables of the database caches configured in
settings (none with Redis) and skips those that exist.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
