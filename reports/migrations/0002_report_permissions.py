"""Grant the report's permissions: the methodologist everything, the director viewing.

Permissions are normally created after all migrations run (post_migrate), so
they are created here explicitly to be able to assign them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

METHODOLOGIST = "Методист"
DIRECTOR = "Директор"
LIBRARIAN = "Библиотекарь"

METHODOLOGIST_CODENAMES = [
    "add_report", "change_report", "delete_report", "view_report", "approve_report",
    "add_sectiontext", "change_sectiontext", "delete_sectiontext", "view_sectiontext",
]  # fmt: skip
DIRECTOR_CODENAMES = ["view_report", "view_sectiontext"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("reports")
    app_config.models_module = True  # create_permissions skips apps without models
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in (LIBRARIAN, METHODOLOGIST, DIRECTOR):
        Group.objects.get_or_create(name=name)
    for group_name, codenames in (
        (METHODOLOGIST, METHODOLOGIST_CODENAMES),
        (DIRECTOR, DIRECTOR_CODENAMES),
    ):
        group = Group.objects.get(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="reports", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="reports")
    for group in Group.objects.filter(name__in=[METHODOLOGIST, DIRECTOR]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
