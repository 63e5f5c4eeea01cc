"""Create the role groups Библиотекарь / Методист / Директор with their permissions.

Frozen: the lists below are the roles as they stood when this migration was
written, so adding a kind of data later never changes (or breaks) it. The roles
of today are granted after every migrate from `branches.kinds` (see
`branches.roles.grant_after_migrate`).

Permissions are normally created after `migrate` by a post_migrate signal, too
late for this migration on a fresh database, so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ["branches", "holdings", "catalogue", "digitization", "publications", "events"]
LIBRARIAN, METHODOLOGIST, DIRECTOR = "Библиотекарь", "Методист", "Директор"

LIBRARY_FACTS = [
    "branches.socialpage",
    "holdings.receipt",
    "holdings.writeoff",
    "holdings.fundsnapshot",
    "catalogue.recordcount",
    "catalogue.virtualreferences",
    "digitization.digitizeddocument",
    "publications.publication",
    "publications.mediamention",
    "publications.mediamentiontotal",
    "events.event",
    "events.onlinefigures",
]
LISTS = [
    "branches.platform",
    "holdings.fundingsource",
    "holdings.writeoffreason",
    "catalogue.cataloguedatabase",
    "digitization.documentkind",
    "publications.publicationkind",
    "events.eventform",
    "events.initiative",
]
ORGANIZATION_RECORDS = [
    "branches.library",
    "branches.reportingperiod",
    "branches.staffprofile",
    "holdings.acquisitionbudget",
    "digitization.digitizationplan",
]
ALL_ACTIONS = ("view", "add", "change", "delete")


def _perms(models, actions=ALL_ACTIONS):
    return [(model, action) for model in models for action in actions]


ROLE_PERMISSIONS = {
    LIBRARIAN: _perms(LIBRARY_FACTS)
    + _perms(LISTS, ("view",))
    + _perms(["branches.library", "branches.reportingperiod"], ("view",)),
    METHODOLOGIST: _perms(LIBRARY_FACTS)
    + _perms(LISTS)
    + _perms(ORGANIZATION_RECORDS)
    + _perms(["branches.organization"], ("view", "change")),
    DIRECTOR: _perms(LIBRARY_FACTS + LISTS + ORGANIZATION_RECORDS + ["branches.organization"], ("view",)),
}


def forwards(apps, schema_editor):
    for label in APPS:
        app_config = apps.get_app_config(label)
        # Historical app configs have no models module; create_permissions skips those.
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    by_key = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.filter(
            content_type__app_label__in=APPS
        ).values_list("pk", "content_type__app_label", "codename")
    }
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *[by_key[f"{path.split('.')[0]}.{action}_{path.split('.')[1]}"] for path, action in perms]
        )


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
