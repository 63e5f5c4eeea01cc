"""Grant the hand-in's permissions: the methodologist edits the checks' thresholds
and reads the hand-ins and explanations; the director reads them all.

Moves of a hand-in and explanations are made on the home page through
handin.services, which check the role themselves; no admin form writes them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

METHODOLOGIST = "Методист"
DIRECTOR = "Директор"
LIBRARIAN = "Библиотекарь"

METHODOLOGIST_CODENAMES = [
    "add_checkthreshold", "change_checkthreshold", "delete_checkthreshold",
    "view_checkthreshold", "view_handin", "view_handintransition", "view_explanation",
]  # fmt: skip
DIRECTOR_CODENAMES = [
    "view_checkthreshold", "view_handin", "view_handintransition", "view_explanation",
]  # fmt: skip


def grant(apps, schema_editor):
    app_config = apps.get_app_config("handin")
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
            *Permission.objects.filter(content_type__app_label="handin", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="handin")
    for group in Group.objects.filter(name__in=[METHODOLOGIST, DIRECTOR]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("handin", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
