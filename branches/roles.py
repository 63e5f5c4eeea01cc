"""Which permissions each role group holds, used by the data migration and by
`scoping.ensure_groups` (so a test database flushed by a transactional test, or a
demo database, gets the same groups back).

The rows a role may touch are narrowed by `branches.scoping`; these permissions
only say which models and which actions a role has at all.
"""

from branches.scoping import DIRECTOR, LIBRARIAN, METHODOLOGIST

# What a librarian enters for their own library.
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

# The pick lists: the methodologist edits them, everybody reads them.
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

# The organization's own records, kept by the methodologist.
ORGANIZATION_RECORDS = [
    "branches.organization",
    "branches.library",
    "branches.reportingperiod",
    "branches.staffprofile",
    "holdings.acquisitionbudget",
    "digitization.digitizationplan",
]

ALL_ACTIONS = ("view", "add", "change", "delete")


def _perms(models, actions=ALL_ACTIONS):
    return [(model, action) for model in models for action in actions]


ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    LIBRARIAN: _perms(LIBRARY_FACTS)
    + _perms(LISTS, ("view",))
    # Libraries and periods are seen only to pick them in forms and filters.
    + _perms(["branches.library", "branches.reportingperiod"], ("view",)),
    METHODOLOGIST: _perms(LIBRARY_FACTS)
    + _perms(LISTS)
    + _perms([m for m in ORGANIZATION_RECORDS if m != "branches.organization"])
    # A methodologist corrects their organization's card but never creates or
    # deletes an organization: that is the superuser's job.
    + _perms(["branches.organization"], ("view", "change")),
    DIRECTOR: _perms(LIBRARY_FACTS + LISTS + ORGANIZATION_RECORDS, ("view",)),
}


def grant_role_permissions(group_model, permission_model) -> dict:
    """Create the role groups and give them exactly these permissions on our six
    apps; permissions on other apps (the report's) are left as they are.
    Returns {name: group}.

    Takes the model classes so a migration can pass its historical models.
    """
    groups = {}
    app_labels = {path.split(".")[0] for perms in ROLE_PERMISSIONS.values() for path, _a in perms}
    by_key = {
        (app_label, codename): pk
        for pk, app_label, codename in permission_model.objects.filter(
            content_type__app_label__in=app_labels
        ).values_list("pk", "content_type__app_label", "codename")
    }
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=role)
        wanted = []
        for model_path, action in perms:
            app_label, model = model_path.split(".")
            wanted.append(by_key[(app_label, f"{action}_{model}")])
        ours = [pk for key, pk in by_key.items() if key[0] in app_labels]
        group.permissions.remove(*(set(ours) - set(wanted)))
        group.permissions.add(*wanted)
        groups[role] = group
    return groups
