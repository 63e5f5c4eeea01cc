"""The role groups' permissions, derived from the registry of kinds of data.

`grant_role_permissions` runs after every `migrate` (and after a test's flush)
through `post_migrate`, so a kind added to `branches.kinds` gets its rights on
the next migrate, and `scoping.ensure_groups` calls it for a database built
otherwise. It is idempotent. The historical migration 0003 carries its own
frozen lists and never reads this module.

The rows a role may touch are narrowed by `branches.scoping`; these permissions
only say which models and which actions a role has at all.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from branches.kinds import KINDS, ROLES, role_permissions


def grant_role_permissions(group_model, permission_model, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Create the role groups and give them exactly the registry's permissions on the
    kinds' apps; permissions on other apps (auth's, say) are left as they are.
    Returns {name: group}.
    """
    wanted_by_role = role_permissions()
    app_labels = {kind.app_label for kind in KINDS}
    by_key = {
        (app_label, codename): pk
        for pk, app_label, codename in permission_model.objects.using(using)
        .filter(content_type__app_label__in=app_labels)
        .values_list("pk", "content_type__app_label", "codename")
    }
    missing = sorted({key for keys in wanted_by_role.values() for key in keys if key not in by_key})
    if missing:
        raise LookupError(f"permissions missing for the registry's rights: {missing}")
    groups = {}
    for role in ROLES:
        group, _created = group_model.objects.using(using).get_or_create(name=role)
        wanted = {by_key[key] for key in wanted_by_role[role]}
        held = set(
            group.permissions.filter(content_type__app_label__in=app_labels).values_list(
                "pk", flat=True
            )
        )
        if held - wanted:
            group.permissions.remove(*(held - wanted))
        if wanted - held:
            group.permissions.add(*(wanted - held))
        groups[role] = group
    return groups


def grant_after_migrate(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs) -> None:
    """post_migrate: once the last installed app has migrated, grant the registry's rights.

    Permissions of every kind's app are created first (the same idempotent call
    Django makes), whichever order the apps' post_migrate handlers run in.
    """
    # Django sends post_migrate once per app that has models, in INSTALLED_APPS order.
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if sender is not with_models[-1]:
        return
    from django.contrib.auth.models import Group, Permission
    from django.db import connections

    if Group._meta.db_table not in connections[using].introspection.table_names():
        return  # auth migrated back to zero: nothing to grant on
    for label in sorted({kind.app_label for kind in KINDS}):
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using)
    grant_role_permissions(Group, Permission, using=using)
