"""Create the role groups Библиотекарь / Методист / Директор with their permissions.

Permissions are normally created after `migrate` by a post_migrate signal, too
late for this migration on a fresh database, so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from branches.roles import ROLE_PERMISSIONS, grant_role_permissions

APPS = ["branches", "holdings", "catalogue", "digitization", "publications", "events"]


def forwards(apps, schema_editor):
    for label in APPS:
        app_config = apps.get_app_config(label)
        # Historical app configs have no models module; create_permissions skips those.
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    grant_role_permissions(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("branches", "0002_seed_lists"),
        ("holdings", "0002_seed_lists"),
        ("catalogue", "0002_seed_lists"),
        ("digitization", "0002_seed_lists"),
        ("publications", "0002_seed_lists"),
        ("events", "0002_seed_lists"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
