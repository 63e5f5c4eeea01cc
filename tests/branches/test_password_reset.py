"""The password reset page says the letter was sent only when it was."""

import pytest
from django.core import mail

URL = "/accounts/password_reset/"


class RefusingBackend:
    """A mail server that refuses the connection, as the issue's SMTP did."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture
def with_email(librarian):
    librarian.email = "lib@example.kz"
    librarian.save()
    return librarian


def test_a_refused_letter_is_reported_not_called_sent(client, with_email, settings):
    settings.EMAIL_BACKEND = "tests.branches.test_password_reset.RefusingBackend"
    response = client.post(URL, {"email": "lib@example.kz"})
    assert response.status_code == 200
    assert "отправить не удалось: почтовый сервер сейчас недоступен" in response.content.decode()


def test_a_refused_letter_in_kazakh(client, with_email, settings):
    settings.EMAIL_BACKEND = "tests.branches.test_password_reset.RefusingBackend"
    client.cookies["django_language"] = "kk"
    page = client.post(URL, {"email": "lib@example.kz"}).content.decode()
    assert "почтовый сервер" not in page and "пошта" in page.lower()


def test_a_sent_letter_goes_on_to_the_done_page(client, with_email):
    response = client.post(URL, {"email": "lib@example.kz"})
    assert response.status_code == 302 and response["Location"].endswith("/done/")
    assert len(mail.outbox) == 1
