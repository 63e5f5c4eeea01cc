"""Roles are safe to extend: a kind added to the registry gets its rights on the next
migrate, and the historical migration never reads the registry."""

import sqlite3
from contextlib import closing
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from branches.kinds import LIBRARIAN, METHODOLOGIST, role_permissions
from branches.roles import grant_role_permissions
from tests.migrated_sqlite import migrated_sqlite

ROOT = Path(__file__).resolve().parents[2]


def test_an_installation_that_adds_a_kind_migrates_and_grants_its_rights(tmp_path_factory):
    # `manage.py migrate` with the example kind installed (tests.kind_example) on a copy of
    # a database migrated without it, as an installation that adds a kind does; made once
    # per run: tests/test_kind_example.py runs its checks on a copy. (The suite's own test
    # database is the fresh one: every kind of the registry gets its rights there.)
    database = migrated_sqlite(
        tmp_path_factory, "tests.kind_example.settings", on_top_of="cbs_reports.test_settings"
    )
    with closing(sqlite3.connect(database)) as connection:
        granted = set(
            connection.execute(
                "SELECT g.name, p.codename FROM auth_group g "
                "JOIN auth_group_permissions gp ON gp.group_id = g.id "
                "JOIN auth_permission p ON p.id = gp.permission_id "
                "JOIN django_content_type c ON c.id = p.content_type_id "
                "WHERE c.app_label = 'kind_example'"
            )
        )
    assert {(LIBRARIAN, f"{a}_libraryvisits") for a in ("view", "add", "change", "delete")} <= (
        granted
    )
    assert ("Директор", "view_libraryvisits") in granted
    assert ("Директор", "add_libraryvisits") not in granted


def test_the_historical_role_migration_reads_no_live_code():
    source = (ROOT / "branches/migrations/0003_role_groups.py").read_text()
    assert "from branches" not in source and "import branches" not in source


def test_migrate_gives_back_a_right_taken_from_a_group_and_nothing_more(db):
    librarians = Group.objects.get(name=LIBRARIAN)
    add_receipt = Permission.objects.get(codename="add_receipt")
    librarians.permissions.remove(add_receipt)
    before = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}

    call_command("migrate", verbosity=0)

    assert librarians.permissions.filter(pk=add_receipt.pk).exists()
    after = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert after[LIBRARIAN] == before[LIBRARIAN] | {add_receipt.pk}
    assert after[METHODOLOGIST] == before[METHODOLOGIST]


def test_granting_twice_changes_nothing(db):
    first = grant_role_permissions(Group, Permission)
    held = {
        name: set(g.permissions.values_list("codename", flat=True)) for name, g in first.items()
    }
    second = grant_role_permissions(Group, Permission)
    assert held == {
        name: set(g.permissions.values_list("codename", flat=True)) for name, g in second.items()
    }
    assert {codename for _app, codename in role_permissions()[METHODOLOGIST]} <= held[METHODOLOGIST]
    assert "approve_report" in held[METHODOLOGIST]
