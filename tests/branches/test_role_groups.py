from django.contrib.auth.models import Group, Permission

from branches.scoping import DIRECTOR, LIBRARIAN, METHODOLOGIST, ensure_groups


def codenames(role):
    return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))


def test_migration_created_the_three_role_groups_with_permissions(db):
    assert "add_receipt" in codenames(LIBRARIAN)
    assert "change_acquisitionbudget" not in codenames(LIBRARIAN)
    assert "view_reportingperiod" in codenames(LIBRARIAN)
    assert "change_platform" in codenames(METHODOLOGIST)
    assert "add_organization" not in codenames(METHODOLOGIST)
    assert all(code.startswith("view_") for code in codenames(DIRECTOR))


def test_ensure_groups_keeps_permissions_of_other_apps(db):
    director = Group.objects.get(name=DIRECTOR)
    other = Permission.objects.get(content_type__app_label="auth", codename="view_user")
    director.permissions.add(other)
    ensure_groups()
    assert "view_user" in codenames(DIRECTOR)
    assert "view_receipt" in codenames(DIRECTOR)
