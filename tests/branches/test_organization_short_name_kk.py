"""A ЦБС's Kazakh short name (`Organization.short_name_kk`), as a library has its Kazakh
abbreviation: a Kazakh text names the ЦБС by it while it is filled, by the Russian short
name otherwise; the generic «ЦБС» stays a word said in the text's language. The
methodologist fills it on the organization's admin page, beside the Russian one."""

import pytest
from django.utils import translation

from branches.models import Organization, Platform, SocialPage, StaffProfile
from tests.admin.posting import admin_url, post_change


def test_a_kazakh_text_names_the_cbs_by_its_kazakh_short_name_while_it_is_filled():
    named = Organization(short_name="ЦБС Шетского р-на", short_name_kk="Шет ауд. ОКЖ")
    assert named.abbreviation("kk") == "Шет ауд. ОКЖ"
    assert named.abbreviation("ru") == "ЦБС Шетского р-на"
    with translation.override("kk"):  # the page's language when none is given
        assert named.abbreviation() == "Шет ауд. ОКЖ"
    with translation.override("ru"):
        assert named.abbreviation() == "ЦБС Шетского р-на"
    # No Kazakh short name yet: the Russian one, as a library's abbreviation falls back.
    assert Organization(short_name="ЦБС Приозёрска").abbreviation("kk") == "ЦБС Приозёрска"
    # The generic «ЦБС» is a word, not a name: «ОКЖ» in Kazakh, unless a name is given.
    generic = Organization()
    assert (generic.abbreviation("ru"), generic.abbreviation("kk")) == ("ЦБС", "ОКЖ")
    generic.short_name_kk = "Балқаш ОКЖ"
    assert (generic.abbreviation("ru"), generic.abbreviation("kk")) == ("ЦБС", "Балқаш ОКЖ")


@pytest.mark.django_db
def test_the_admin_names_a_cbs_wide_page_and_profile_by_the_pages_language(
    organization, methodologist
):
    Organization.objects.filter(pk=organization.pk).update(
        short_name="ЦБС Балхаша", short_name_kk="Балқаш ОКЖ"
    )
    organization.refresh_from_db()
    profile = StaffProfile.objects.get(user=methodologist)
    page = SocialPage(organization=organization, platform=Platform.objects.get(code="instagram"),
                      url="https://instagram.com/cbs")  # fmt: skip
    with translation.override("kk"):
        assert str(profile).endswith(" — Балқаш ОКЖ")
        assert str(page).startswith("Балқаш ОКЖ: ")
    with translation.override("ru"):
        assert str(profile).endswith(" — ЦБС Балхаша")
        assert str(page).startswith("ЦБС Балхаша: ")


@pytest.mark.django_db
def test_the_methodologist_saves_the_kazakh_short_name_beside_the_russian_one(
    client, methodologist, organization
):
    client.force_login(methodologist)
    url = admin_url(Organization, "change", organization.pk)
    response = client.get(url)
    page = response.content.decode()
    # Next to the Russian short name on the form, before the city.
    positions = [
        page.index(f'name="{name}"') for name in ("short_name", "short_name_kk", "city_ru")
    ]
    assert positions == sorted(positions)
    with translation.override("kk"):
        field = Organization._meta.get_field("short_name_kk")
        assert str(field.verbose_name) == "қысқа атауы (қаз.)"
        assert str(field.help_text).startswith("Қазақша есептегідей, мысалы: Шет ауд. ОКЖ.")

    form = response.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data = {name: data[name] for name in form.fields if name in data}
    data.update(short_name="ЦБС Балхаша", short_name_kk="Балқаш ОКЖ")
    for inline in response.context["inline_admin_formsets"]:  # no libraries, no periods yet
        management = inline.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
    assert post_change(client, organization, data).status_code == 302
    organization.refresh_from_db()
    assert (organization.short_name, organization.short_name_kk) == ("ЦБС Балхаша", "Балқаш ОКЖ")
    assert organization.history.first().short_name_kk == "Балқаш ОКЖ"
