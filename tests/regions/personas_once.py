"""The regions' personas of tests/regions/conftest.py (the republic, the two oblasts of the
two ЦБС, and their three users) made once per test module, beside the ЦБС's personas of
tests/personas_once.py (whose docstring says how, and when not to):

    from tests.personas_once import *  # noqa: F403
    from tests.regions.personas_once import *  # noqa: F403  (after it: its `_personas_made`)

Every test of such a module has the regions, and the test ЦБС in its oblast.
"""

import pytest
from django.contrib.auth import get_user_model

from branches.scoping import REGION_MANAGEMENT, REGION_METHODOLOGIST, ensure_groups
from tests.regions.conftest import make_region_user, new_other_region, new_region, new_republic

__all__ = [
    "_personas_made",
    "republic",
    "region",
    "other_region",
    "region_methodologist",
    "region_manager",
    "other_region_methodologist",
]


@pytest.fixture(scope="module")
def _personas_made(_personas_of_module, django_db_blocker):
    """The module's personas and the regions' objects, in the module's transaction (as the
    per-test `region` fixture does, each ЦБС is put in its oblast)."""
    made = dict(_personas_of_module)
    with django_db_blocker.unblock():
        republic = new_republic()
        region = new_region(republic, made["organization"])
        other_region = new_other_region(republic, made["other_organization"])
        users = get_user_model()
        groups = ensure_groups()
        made.update(
            republic=republic,
            region=region,
            other_region=other_region,
            region_methodologist=make_region_user(
                users, "oblast-methodist", REGION_METHODOLOGIST, region, groups
            ),
            region_manager=make_region_user(
                users, "oblast-director", REGION_MANAGEMENT, region, groups
            ),
            other_region_methodologist=make_region_user(
                users, "other-oblast", REGION_METHODOLOGIST, other_region, groups
            ),
        )
    return made


@pytest.fixture
def republic(_personas):
    return _personas["republic"]


@pytest.fixture
def region(_personas):
    return _personas["region"]


@pytest.fixture
def other_region(_personas):
    return _personas["other_region"]


@pytest.fixture
def region_methodologist(_personas):
    return _personas["region_methodologist"]


@pytest.fixture
def region_manager(_personas):
    return _personas["region_manager"]


@pytest.fixture
def other_region_methodologist(_personas):
    return _personas["other_region_methodologist"]
