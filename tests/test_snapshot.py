"""The demo's rows taken once and written back (tests/snapshot.py): the same rows, ids
included, new rows still get fresh ids, and a database not in the state the rows were
taken from is left alone."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from branches.models import Library, Organization
from tests.snapshot import rows_restore, rows_snapshot


def organization_with_library():
    org = Organization.objects.create(code="snap", name_ru="ЦБС", city_ru="Балхаш")
    Library.objects.create(
        organization=org, code="cgb", kind="central", short_name="ЦГБ", name_ru="ЦГБ", order=1
    )


def test_the_rows_come_back_with_their_ids_and_new_rows_get_new_ids(db):
    difference = rows_snapshot(organization_with_library)
    assert not Organization.objects.filter(code="snap").exists()  # rolled back

    assert rows_restore(difference)
    org = Organization.objects.get(code="snap")
    assert Library.objects.get(organization=org).code == "cgb"
    now = rows_snapshot(lambda: None).before
    for table in (Organization._meta.db_table, Library._meta.db_table):
        assert now[table] == difference.added[table]  # the same rows, ids and all
    other = Organization.objects.create(code="after", name_ru="Другая", city_ru="Караганда")
    assert other.pk > org.pk


def test_a_database_not_as_it_was_is_left_alone(db):
    difference = rows_snapshot(organization_with_library)
    Organization.objects.create(code="meanwhile", name_ru="Другая", city_ru="Караганда")

    assert not rows_restore(difference)
    assert not Organization.objects.filter(code="snap").exists()


def test_what_a_transactional_test_leaves_behind_does_not_refuse_the_rows(db, settings):
    """Its serialized rollback writes a group's permissions again under new ids, and its
    flush leaves the cache's table as it was: the rows still come back, and the command's
    cache entries are written over the ones found."""
    if settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.db.DatabaseCache":
        pytest.skip("the cache is not a database table here (REDIS_URL)")

    def organization_and_cache_entry():
        organization_with_library()
        cache.set("snapshot-test", "the command's")

    difference = rows_snapshot(organization_and_cache_entry)
    group = Group.objects.filter(permissions__isnull=False).first()
    permissions = list(group.permissions.all())
    group.permissions.clear()
    group.permissions.set(permissions)  # the same links, new ids
    cache.set("snapshot-test", "left by another test")
    cache.set("other-entry", "left as well")

    assert rows_restore(difference)
    assert Organization.objects.filter(code="snap").exists()
    assert list(group.permissions.all()) == permissions
    assert cache.get("snapshot-test") == "the command's"
    assert cache.get("other-entry") == "left as well"
