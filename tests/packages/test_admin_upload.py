"""The admin upload of a package: only the installation's superuser and a region's
methodologist upload, and the methodologist only their own region's ЦБС."""

import io

import pytest

from packages.fileformat import package_write
from packages.models import ReceivedPackage
from tests.regions.conftest import (  # noqa: F401  (fixtures)
    make_region_user,
    other_region,
    other_region_methodologist,
    region,
    region_methodologist,
    republic,
)

URL = "/admin/packages/receivedpackage/upload/"


def _package(region_code: str) -> io.BytesIO:
    """A package of a ЦБС of `region_code` (no rows: the region's check comes first)."""
    output = io.BytesIO()
    manifest = {"organization": {"code": "far-cbs", "name_ru": "ЦБС издалека"},
                "period": "2021-H1", "region": {"code": region_code, "name_ru": "?"},
                "created_at": "2021-07-10T00:00:00+00:00", "exporter": "cbs-reports test"}  # fmt: skip
    package_write(manifest, {"sheets": [], "snapshot": None}, output)
    output.seek(0)
    output.name = "far.zip"
    return output


@pytest.mark.django_db
def test_librarian_and_cbs_methodologist_may_not_upload(client, librarian, methodologist):
    for user in (librarian, methodologist):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"file": _package("karaganda")}).status_code == 403
    assert not ReceivedPackage.objects.exists()


@pytest.mark.django_db
def test_region_methodologist_uploads_only_into_their_region(
    client,
    region_methodologist,  # noqa: F811
    other_region_methodologist,  # noqa: F811
):
    client.force_login(other_region_methodologist)
    assert client.get(URL).status_code == 200
    response = client.post(URL, {"file": _package("karaganda")}, follow=True)
    assert "региона «Павлодарская область»" in response.content.decode()
    client.force_login(region_methodologist)
    response = client.post(URL, {"file": _package("karaganda")})
    page = response.content.decode()
    assert response.status_code == 200 and "ЦБС издалека" in page and 'name="token"' in page
    assert not ReceivedPackage.objects.exists()  # the preview saves nothing
