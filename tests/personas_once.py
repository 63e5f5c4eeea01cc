"""The personas of tests/conftest.py (the test ЦБС, its libraries and period, the other
ЦБС and the five users) made once per test module instead of once per test.

For a module of many tests that each start from the same personas, making them anew for
each test (ten rows, five users with their groups and profiles: 0.1 s) was a good part of
its time: 20 s of CPU of the role matrix's 74 (215 tests). Such a module imports the
fixtures below, which keep the usual names:

    from tests.personas_once import *  # noqa: F403  (the personas, made once per module)

They are made inside a transaction that spans the module and is rolled back at its end,
as `_demo_loaded` does; each test runs in a savepoint inside it (pytest-django's `db`),
so whatever a test writes is gone before the next one. Each test gets its own copies of
the objects (one deep copy of them all: `library.organization` is `organization`, as with
the per-test fixtures), so an attribute a test sets in memory without saving it
(`period.status = ...`) does not follow it into the next test either.

`sign_in(user)` signs the test's `client` in as one of them with the session the user
signed in with once for the module, where `client.force_login` would sign in anew (8 ms;
the matrix's 215 tests each sign in once).

A module may add people of its own by overriding `_personas_made` (the regions do:
tests/regions/personas_once.py).

Not for a module with transactional tests: their flush would empty the module's rows.
"""

import copy

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from branches.scoping import DIRECTOR, LIBRARIAN, METHODOLOGIST, ensure_groups
from tests.conftest import (
    make_user,
    new_library,
    new_organization,
    new_other_library,
    new_other_organization,
    new_period,
)

__all__ = [
    "_personas_of_module",
    "_personas_made",
    "_sessions_of_module",
    "_personas",
    "sign_in",
    "organization",
    "other_organization",
    "library",
    "other_library",
    "period",
    "librarian",
    "other_librarian",
    "methodologist",
    "director",
    "outsider",
]


@pytest.fixture(scope="module")
def _personas_of_module(django_db_setup, django_db_blocker):
    """{fixture name: object}, the same rows the per-test fixtures make, in a transaction
    rolled back at the module's end. Fixtures of a wider circle (the regions) add theirs."""
    with django_db_blocker.unblock(), transaction.atomic():
        organization = new_organization()
        other_organization = new_other_organization()
        library = new_library(organization)
        other_library = new_other_library(organization)
        users = get_user_model()
        groups = ensure_groups()
        made = {
            "organization": organization,
            "other_organization": other_organization,
            "library": library,
            "other_library": other_library,
            "period": new_period(organization),
            "librarian": make_user(users, "lib-cgb", LIBRARIAN, organization, library, groups),
            "other_librarian": make_user(
                users, "lib-f4", LIBRARIAN, organization, other_library, groups
            ),
            "methodologist": make_user(
                users, "methodist", METHODOLOGIST, organization, groups=groups
            ),
            "director": make_user(users, "director", DIRECTOR, organization, groups=groups),
            "outsider": make_user(
                users, "outsider", METHODOLOGIST, other_organization, groups=groups
            ),
        }
        yield made
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def _personas_made(_personas_of_module):
    """Everything the module's tests get: the personas, and whoever a module adds to them."""
    return _personas_of_module


@pytest.fixture(scope="module")
def _sessions_of_module(_personas_made, django_db_blocker):
    """{user's pk: the session key}: each user of the module signed in once, in the
    module's transaction (a test's changes to a session go with its savepoint)."""
    users = get_user_model()
    keys = {}
    with django_db_blocker.unblock():
        for user in _personas_made.values():
            if isinstance(user, users):
                browser = Client()
                browser.force_login(user)
                keys[user.pk] = browser.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


@pytest.fixture
def _personas(_personas_made, db):
    """This test's copies of the module's objects (the rows themselves are the module's,
    each test's changes to them rolled back with its savepoint)."""
    return copy.deepcopy(_personas_made)


@pytest.fixture
def sign_in(client, _sessions_of_module):
    """sign_in(user): the test's `client` signed in as `user`, one of the module's people,
    as `client.force_login(user)` would sign it in (see the module's docstring)."""

    def sign_in(user):
        client.cookies[settings.SESSION_COOKIE_NAME] = _sessions_of_module[user.pk]

    return sign_in


@pytest.fixture
def organization(_personas):
    return _personas["organization"]


@pytest.fixture
def other_organization(_personas):
    return _personas["other_organization"]


@pytest.fixture
def library(_personas):
    return _personas["library"]


@pytest.fixture
def other_library(_personas):
    return _personas["other_library"]


@pytest.fixture
def period(_personas):
    return _personas["period"]


@pytest.fixture
def librarian(_personas):
    return _personas["librarian"]


@pytest.fixture
def other_librarian(_personas):
    return _personas["other_librarian"]


@pytest.fixture
def methodologist(_personas):
    return _personas["methodologist"]


@pytest.fixture
def director(_personas):
    return _personas["director"]


@pytest.fixture
def outsider(_personas):
    return _personas["outsider"]
