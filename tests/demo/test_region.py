"""The demo's region: Balkhash in «Карагандинская область», and the oblast's two logins."""

from django.contrib.auth import authenticate
from django.urls import reverse

from branches.scoping import REGION_MANAGEMENT, REGION_METHODOLOGIST, staff_profile, user_roles


def test_balkhash_is_in_the_karaganda_oblast_of_kazakhstan(demo):
    assert demo.region.code == "karaganda"
    assert demo.region.name("ru") == "Карагандинская область"
    assert demo.region.name("kk") == "Қарағанды облысы"
    assert demo.region.republic.name("ru") == "Республика Казахстан"


def test_the_oblasts_logins_work_with_the_demo_password(demo):
    for username, role in (
        ("oblast-methodist", REGION_METHODOLOGIST),
        ("oblast-director", REGION_MANAGEMENT),
    ):
        user = authenticate(username=username, password="demo")
        assert user is not None
        assert user_roles(user) == {role}
        profile = staff_profile(user)
        assert (profile.region, profile.organization) == (demo.region, None)


def test_the_oblast_methodologist_sees_balkhash_on_the_regions_page(client, demo):
    client.login(username="oblast-methodist", password="demo")
    page = client.get(reverse("handin:region")).content.decode()
    assert demo.name("ru") in page
