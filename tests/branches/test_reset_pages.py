"""The password reset pages have the site's look (like the login page) and its
language switch, in Russian and Kazakh."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

HEADINGS = {
    "ru": {
        "form": "Восстановление пароля",
        "done": "Проверьте почту",
        "confirm": "Новый пароль",
        "invalid": "Запросить новую ссылку",
        "complete": "Пароль изменён",
    },
    "kk": {
        "form": "Құпиясөзді қалпына келтіру",
        "done": "Поштаңызды тексеріңіз",
        "confirm": "Жаңа құпиясөз",
        "invalid": "Жаңа сілтеме сұрату",
        "complete": "Құпиясөз өзгертілді",
    },
}


def urls(user) -> dict[str, str]:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return {
        "form": "/accounts/password_reset/",
        "done": "/accounts/password_reset/done/",
        # A valid link first redirects to the set-password address (Django's own step).
        "confirm": f"/accounts/reset/{uid}/{default_token_generator.make_token(user)}/",
        "invalid": f"/accounts/reset/{uid}/not-a-token/",
        "complete": "/accounts/reset/done/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "kk"])
@pytest.mark.parametrize("page", ["form", "done", "confirm", "invalid", "complete"])
def test_reset_pages_have_the_sites_look_and_language_switch(client, language, page):
    user = get_user_model().objects.create_user("lib", "lib@example.kz", "old-Password-1")
    client.cookies["django_language"] = language
    response = client.get(urls(user)[page], follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html  # the site's base template, as the login page
    assert 'class="language-switch"' in html and 'id="language-select"' in html
    assert 'id="header"' not in html  # not the admin's look
    assert HEADINGS[language][page] in html
    if page == "confirm":
        assert 'name="new_password1"' in html


@pytest.mark.django_db
def test_the_form_still_hands_in_to_the_same_answer(client):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.kz"}, follow=True)
    assert response.redirect_chain == [("/accounts/password_reset/done/", 302)]
    assert "Проверьте почту" in response.content.decode()
