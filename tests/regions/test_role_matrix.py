"""The region's roles × every model admin × changelist / add / change / delete / history.

The row belongs to a library of the test ЦБС, which is in the Karaganda oblast.
Its oblast's methodologist and management read it and change nothing; another
oblast's methodologist does not see it (404), but reads the shared pick lists.
"""

import pytest

from branches.models import Library
from tests.admin.factories import ALL_MODELS, LISTS
from tests.admin.test_role_matrix import assert_status, url
from tests.personas_once import *  # noqa: F403  (the personas, made once for the module)
from tests.regions.personas_once import *  # noqa: F403  (and the regions': after the line above)

READS = (200, 403, "view", 403)
# role -> (changelist, add, change page, delete page)
MATRIX = {
    "region_methodologist": {"row": READS, "list": READS},
    "region_manager": {"row": READS, "list": READS},
    "other_region_methodologist": {"row": (200, 403, 404, 404), "list": READS},
}


@pytest.fixture
def persona(region_methodologist, region_manager, other_region_methodologist):
    return {
        "region_methodologist": region_methodologist,
        "region_manager": region_manager,
        "other_region_methodologist": other_region_methodologist,
    }


@pytest.mark.parametrize("role", list(MATRIX))
@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_region_role_reads_its_members_rows_and_changes_none(
    client, sign_in, persona, row_of, model, role
):
    row = row_of(model)
    changelist, add, change, delete = MATRIX[role]["list" if model in LISTS else "row"]
    sign_in(persona[role])

    response = client.get(url(model, "changelist"))
    assert_status(response, changelist)
    listed = set(response.context["cl"].result_list.values_list("pk", flat=True))
    assert (row.pk in listed) == (change == "view"), "row visibility"

    assert_status(client.get(url(model, "add")), add)

    response = client.get(url(model, "change", row.pk))
    if change == "view":
        assert response.status_code == 200
        assert 'name="_save"' not in response.content.decode(), "save button"
    else:
        assert_status(response, change)

    assert_status(client.get(url(model, "delete", row.pk)), delete)
    response = client.get(url(model, "history", row.pk))
    assert response.status_code == (200 if change == "view" else 404)


@pytest.mark.parametrize("role", list(MATRIX))
def test_a_region_role_posting_a_change_saves_nothing(client, persona, library, role):
    client.force_login(persona[role])
    response = client.post(
        url(Library, "change", library.pk),
        {"code": "cgb", "kind": "central", "short_name": "ИЗМ", "name_ru": "Изменено", "order": 1},
    )
    assert response.status_code in (403, 404)
    library.refresh_from_db()
    assert library.short_name == "ЦГБ"
