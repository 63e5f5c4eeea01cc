"""Every role × every model admin × changelist / add / change / delete.

The row in each case belongs to the librarian's library (`library`) or to
its organization. "edit" means the change page opens with a save button,
"view" that it opens read-only; "denied" accepts 403 or 404 (no way in either way).
"""

import pytest
from django.urls import reverse

from branches.models import Library, Organization, ReportingPeriod
from tests.admin.factories import (
    ALL_MODELS,
    LIBRARY_FACTS,
    LIBRARY_PLANS,
    LISTS,
    ORGANIZATION_ROWS,
)
from tests.personas_once import *  # noqa: F403  (the personas, made once for the module's 215 tests)

# role -> (changelist, add, change page, delete page)
FACT = {
    "librarian": (200, 200, "edit", 200),
    "other_librarian": (200, 200, 404, 404),
    "methodologist": (200, 200, "edit", 200),
    "director": (200, 403, "view", 403),
    "outsider": (200, 200, 404, 404),
}
LIST = {
    "librarian": (200, 403, "view", 403),
    "other_librarian": (200, 403, "view", 403),
    "methodologist": (200, 200, "edit", 200),
    "director": (200, 403, "view", 403),
    # The pick lists are shared by every ЦБС: any methodologist edits them.
    "outsider": (200, 200, "edit", 200),
}
ORGANIZATION_ROW = {
    "librarian": (403, 403, "denied", "denied"),
    "other_librarian": (403, 403, "denied", "denied"),
    "methodologist": (200, 200, "edit", 200),
    "director": (200, 403, "view", 403),
    "outsider": (200, 200, 404, 404),
}
# A library's plan: the methodologist sets it, its librarian reads it.
LIBRARY_PLAN = {
    "librarian": (200, 403, "view", 403),
    "other_librarian": (200, 403, 404, 404),
    "methodologist": (200, 200, "edit", 200),
    "director": (200, 403, "view", 403),
    "outsider": (200, 200, 404, 404),
}
LIBRARY = {
    "librarian": (200, 403, "view", 403),
    "other_librarian": (200, 403, 404, 404),
    "methodologist": (200, 200, "edit", 200),
    "director": (200, 403, "view", 403),
    "outsider": (200, 200, 404, 404),
}
ORGANIZATION = {
    "librarian": (403, 403, "denied", "denied"),
    "other_librarian": (403, 403, "denied", "denied"),
    "methodologist": (200, 403, "edit", 403),
    "director": (200, 403, "view", 403),
    "outsider": (200, 403, 404, 404),
}
PERIOD = {
    "librarian": (200, 403, "view", 403),
    "other_librarian": (200, 403, "view", 403),
    "methodologist": (200, 200, "edit", 200),
    "director": (200, 403, "view", 403),
    "outsider": (200, 200, 404, 404),
}


def expectations(model):
    if model in LIBRARY_FACTS:
        return FACT
    if model in LISTS:
        return LIST
    if model in ORGANIZATION_ROWS:
        return ORGANIZATION_ROW
    if model in LIBRARY_PLANS:
        return LIBRARY_PLAN
    return {Library: LIBRARY, Organization: ORGANIZATION, ReportingPeriod: PERIOD}[model]


ROLES = list(FACT)


def url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def assert_status(response, expected):
    if expected == "denied":
        assert response.status_code in (403, 404)
    else:
        assert response.status_code == expected


@pytest.fixture
def persona(request, librarian, other_librarian, methodologist, director, outsider):
    return {
        "librarian": librarian,
        "other_librarian": other_librarian,
        "methodologist": methodologist,
        "director": director,
        "outsider": outsider,
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_role_sees_changelist_add_change_delete_and_history_as_the_matrix_says(
    client, sign_in, persona, row_of, model, role
):
    row = row_of(model)
    changelist, add, change, delete = expectations(model)[role]
    sign_in(persona[role])

    response = client.get(url(model, "changelist"))
    assert_status(response, changelist)
    if changelist == 200:
        listed = set(response.context["cl"].result_list.values_list("pk", flat=True))
        assert (row.pk in listed) == (change in ("edit", "view")), "row visibility"

    assert_status(client.get(url(model, "add")), add)

    response = client.get(url(model, "change", row.pk))
    if change in ("edit", "view"):
        assert response.status_code == 200
        has_save = 'name="_save"' in response.content.decode()
        assert has_save == (change == "edit"), "save button"
    else:
        assert_status(response, change)

    assert_status(client.get(url(model, "delete", row.pk)), delete)

    # The history page follows the right to see the row.
    response = client.get(url(model, "history", row.pk))
    if change in ("edit", "view"):
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404)
