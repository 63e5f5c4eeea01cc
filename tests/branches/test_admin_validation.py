import pytest
from django.core.exceptions import ValidationError

from branches.models import Library, Platform, ReportingPeriod, SocialPage
from catalogue.models import VirtualReferences
from tests.admin.posting import admin_url, form_errors, post_add


def test_a_period_entered_twice_is_refused(client, methodologist, organization, period):
    client.force_login(methodologist)
    data = {"organization": organization.pk, "year": 2021, "half": 1, "status": "open"}
    errors = form_errors(post_add(client, ReportingPeriod, data))
    assert "Этот период уже есть: полугодия одной ЦБС не могут пересекаться." in errors
    assert ReportingPeriod.objects.count() == 1


def test_a_period_of_another_organization_is_refused_by_the_model(library, other_organization):
    foreign = ReportingPeriod.objects.create(organization=other_organization, year=2021, half=1)
    row = VirtualReferences(library=library, period=foreign, count=1)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert error.value.message_dict["period"] == ["Период относится к другой ЦБС."]


def test_a_library_of_another_organization_on_a_social_page_is_refused(
    organization, other_organization
):
    stranger = Library.objects.create(
        organization=other_organization, code="x", kind="branch", short_name="X", name_ru="X"
    )
    page = SocialPage(
        organization=organization,
        library=stranger,
        platform=Platform.objects.get(code="instagram"),
        url="https://instagram.com/x",
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["library"] == ["Библиотека относится к другой ЦБС."]


def test_methodologist_adds_social_pages_inline_on_the_library_and_a_duplicate_is_refused(
    client, methodologist, organization, library
):
    instagram = Platform.objects.get(code="instagram")
    SocialPage.objects.create(
        organization=organization, library=library, platform=instagram, url="https://i.com/cgb"
    )
    client.force_login(methodologist)
    data = {
        "organization": organization.pk,
        "kind": library.kind,
        "code": library.code,
        "order": library.order,
        "name_ru": library.name_ru,
        "name_kk": library.name_kk,
        "short_name": library.short_name,
        "social_pages-TOTAL_FORMS": 1,
        "social_pages-INITIAL_FORMS": 0,
        "social_pages-0-platform": instagram.pk,
        "social_pages-0-url": "https://i.com/cgb",
    }
    response = client.post(admin_url(Library, "change", library.pk), data)
    assert response.status_code == 200
    formset_errors = str(response.context["inline_admin_formsets"][0].formset.errors)
    assert "Такая страница уже внесена." in formset_errors
    assert SocialPage.objects.count() == 1

    data["social_pages-0-url"] = "https://i.com/cgb-2"
    assert client.post(admin_url(Library, "change", library.pk), data).status_code == 302
    page = SocialPage.objects.get(url="https://i.com/cgb-2")
    assert (page.organization, page.library) == (organization, library)


def test_each_social_page_row_of_the_library_page_shows_its_own_platform(
    client, methodologist, organization, library
):
    # The rows share one read of the platform list; each still selects its own.
    pages = {
        code: SocialPage.objects.create(
            organization=organization,
            library=library,
            platform=Platform.objects.get(code=code),
            url=f"https://{code}.com/cgb",
        )
        for code in ("instagram", "facebook", "youtube")
    }
    client.force_login(methodologist)
    response = client.get(admin_url(Library, "change", library.pk))
    [inline] = response.context["inline_admin_formsets"]
    shown = {form["url"].value(): form["platform"].as_widget() for form in inline.formset.forms}
    assert set(shown) == {page.url for page in pages.values()}
    for code, page in pages.items():
        selected = f'<option value="{page.platform_id}" selected>{page.platform}</option>'
        assert selected in shown[page.url], code
        assert shown[page.url].count(" selected>") == 1


def test_librarian_cannot_enter_an_organization_wide_social_page(
    client, librarian, organization, library
):
    client.force_login(librarian)
    data = {
        "organization": organization.pk,
        "library": "",
        "platform": Platform.objects.get(code="facebook").pk,
        "url": "https://facebook.com/cbs",
    }
    errors = form_errors(post_add(client, SocialPage, data))
    assert "Обязательное поле." in errors
    assert not SocialPage.objects.exists()
