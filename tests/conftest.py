"""Personas: a librarian of one library, a librarian of another, the methodologist,
the director, and a methodologist of another organization (an outsider)."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation

from branches.models import Library, Organization, ReportingPeriod, StaffProfile
from branches.scoping import DIRECTOR, LIBRARIAN, METHODOLOGIST, ensure_groups
from tests.browser import _chromium, browser, phone  # noqa: F401 - one Chromium per process
from tests.migrated_sqlite import keep_test_database
from tests.snapshot import rows_restore, rows_snapshot


@pytest.fixture(scope="session", autouse=True)
def _folders_of_this_process(tmp_path_factory):
    """The uploads waiting for their confirmation and the media in folders of this
    pytest process only (tmp_path_factory has one per xdist worker).

    The defaults are one folder for every process on the machine: a worker's sweep of
    old uploads, or a test counting the files left, would see another worker's files.
    """
    with override_settings(
        IMPORT_FILES_DIR=tmp_path_factory.mktemp("imports"),
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
    ):
        yield


@pytest.fixture(scope="session", autouse=True)
def _migrated_file_of_this_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """The test database as just migrated, kept as a file before any test writes to it:
    the tests that need a migrated SQLite file of their own copy it (tests/migrated_sqlite.py)."""
    with django_db_blocker.unblock():
        keep_test_database(tmp_path_factory)


@pytest.fixture(autouse=True)
def russian_by_default():
    """Every test starts in Russian, the project's language.

    A request through the test client leaves the language its LocaleMiddleware
    chose active in the thread; a test that asked for Kazakh must not make the
    next test's lazy labels Kazakh.
    """
    with translation.override("ru"):
        yield


def new_organization():
    return Organization.objects.create(
        code="test-cbs", name_ru="Тестовая ЦБС", name_kk="Сынақ ОКЖ", city_ru="Балхаш"
    )


def new_library(organization):
    return Library.objects.create(
        organization=organization, code="cgb", kind="central", short_name="ЦГБ",
        name_ru="Центральная городская библиотека", name_kk="Орталық қалалық кітапхана", order=10,
    )  # fmt: skip


def new_other_library(organization):
    return Library.objects.create(
        organization=organization, code="f4", kind="branch", number=4, short_name="ф№4",
        name_ru="Библиотека-филиал №4", name_kk="№4 кітапхана-филиалы", order=20,
    )  # fmt: skip


def new_period(organization):
    return ReportingPeriod.objects.create(organization=organization, year=2021, half=1)


def new_other_organization():
    return Organization.objects.create(code="other", name_ru="Другая ЦБС", city_ru="Караганда")


def make_user(django_user_model, username, role, organization, library=None, groups=None):
    """A staff user in `role`'s group with a staff profile; `groups`: ensure_groups()'s answer,
    when the caller makes several users at once (it checks every role's permissions)."""
    user = django_user_model.objects.create_user(username=username, password="pw", is_staff=True)
    user.groups.set([(groups or ensure_groups())[role]])
    StaffProfile.objects.create(user=user, organization=organization, library=library)
    return user


@pytest.fixture
def organization(db):
    return new_organization()


@pytest.fixture
def library(organization):
    return new_library(organization)


@pytest.fixture
def other_library(organization):
    return new_other_library(organization)


@pytest.fixture
def period(organization):
    return new_period(organization)


@pytest.fixture
def other_organization(db):
    return new_other_organization()


@pytest.fixture
def librarian(django_user_model, organization, library):
    return make_user(django_user_model, "lib-cgb", LIBRARIAN, organization, library)


@pytest.fixture
def other_librarian(django_user_model, organization, other_library):
    return make_user(django_user_model, "lib-f4", LIBRARIAN, organization, other_library)


@pytest.fixture
def methodologist(django_user_model, organization):
    return make_user(django_user_model, "methodist", METHODOLOGIST, organization)


@pytest.fixture
def director(django_user_model, organization):
    return make_user(django_user_model, "director", DIRECTOR, organization)


@pytest.fixture
def outsider(django_user_model, other_organization):
    return make_user(django_user_model, "outsider", METHODOLOGIST, other_organization)


@pytest.fixture(scope="session")
def _demo_rows(django_db_setup, django_db_blocker):
    """The rows `load_demo` writes, taken once per pytest process (each xdist worker).

    Taken from the migrated database. A session fixture is set up before a test's own
    database fixtures: right after a transactional test, whose flush emptied the database,
    the rows of the migrations are not back yet (the test's serialized rollback writes
    them next). Here they are written for the snapshot, and rolled back with it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        serialized = getattr(connection, "_test_serialized_contents", None)
        if serialized and not ContentType.objects.exists():
            connection.creation.deserialize_db_from_string(serialized)
        rows = rows_snapshot(lambda: call_command("load_demo", stdout=io.StringIO()))
        transaction.set_rollback(True)
    return rows


@pytest.fixture(scope="module")
def _demo_loaded(_demo_rows, django_db_blocker):
    """The demo in the database for one test module, inside a transaction rolled back at
    its end.

    Each test runs in a savepoint inside it (pytest-django's `db`), so a test that
    changes rows does not leak into the next one, and the module's rows don't
    leak into other modules. `load_demo` ran once in this process; here its rows are
    written back as they were (tests/snapshot.py), in milliseconds rather than the
    seconds of the command, which runs itself only if the database is not the empty one
    the rows were taken from.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            demo_write(_demo_rows)
            yield
            transaction.set_rollback(True)


def demo_write(rows):
    """`load_demo`'s rows written back, or the command itself where they cannot be."""
    if not rows_restore(rows):
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo_written(_demo_rows, db):
    """The demo in the database for one test, as `load_demo` leaves it (for a test that
    starts from the demo and changes it; a transactional test's flush removes it)."""
    demo_write(_demo_rows)
