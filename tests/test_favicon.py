"""The browser's /favicon.ico no longer 404s, and every page links the icon."""

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("cbs/favicon.svg")
    assert finders.find("cbs/favicon.svg"), "the icon the redirect names exists"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_site_and_admin_pages_link_the_icon(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert 'rel="icon"' in response.content.decode()
