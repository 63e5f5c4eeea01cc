"""The password reset gives the same answer for every address: it never tells an
attacker which addresses have accounts, nor whether the mail server took the letter.
A refused letter goes to the security log and to ADMINS instead."""

import logging

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


@pytest.fixture
def refusing_mail(settings):
    settings.EMAIL_BACKEND = "tests.branches.test_password_reset.RefusingBackend"
    settings.ADMINS = [("Айгуль", "aigul@example.kz")]


def answer(response) -> tuple:
    return response.status_code, response.get("Location")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_known_and_an_unknown_address_get_the_same_answer_when_mail_fails(
    client, with_email, refusing_mail, language
):
    client.cookies["django_language"] = language
    known = client.post(URL, {"email": "lib@example.kz"})
    unknown = client.post(URL, {"email": "nobody@example.kz"})
    assert answer(known) == answer(unknown) == (302, "/accounts/password_reset/done/")


def test_a_known_and_an_unknown_address_get_the_same_answer_when_mail_works(client, with_email):
    known = client.post(URL, {"email": "lib@example.kz"})
    unknown = client.post(URL, {"email": "nobody@example.kz"})
    assert answer(known) == answer(unknown) == (302, "/accounts/password_reset/done/")
    assert [message.to for message in mail.outbox] == [["lib@example.kz"]]


def test_a_refused_letter_goes_to_the_security_log_and_admins_are_asked(
    client, with_email, refusing_mail, caplog, monkeypatch
):
    told = []
    monkeypatch.setattr(
        "branches.accounts.mail_admins", lambda *args, **kwargs: told.append((args, kwargs))
    )
    with caplog.at_level(logging.ERROR, logger="cbs_reports.security"):
        client.post(URL, {"email": "lib@example.kz"})
    assert f"event=password_reset_mail_failed user={with_email.pk}" in caplog.text
    assert len(told) == 1
    (subject, body), options = told[0]
    assert "сброса пароля" in subject and f"id={with_email.pk}" in body
    assert "ConnectionRefusedError" in body and options == {"fail_silently": True}
    assert "lib@example.kz" not in body  # the address is not spread further


def test_admins_that_cannot_be_told_break_nothing(
    client, with_email, refusing_mail, caplog, monkeypatch
):
    def mail_admins_raising(*args, **kwargs):
        raise RuntimeError("the template of the admins' letter is broken")

    monkeypatch.setattr("branches.accounts.mail_admins", mail_admins_raising)
    with caplog.at_level(logging.ERROR, logger="cbs_reports.security"):
        response = client.post(URL, {"email": "lib@example.kz"})
    assert answer(response) == (302, "/accounts/password_reset/done/")
    assert "event=password_reset_admins_not_told" in caplog.text


def test_the_login_page_offers_a_forgotten_password(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password_reset/"' in page and "Забыли пароль?" in page
    client.cookies["django_language"] = "kk"
    page = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password_reset/"' in page and "Құпиясөзді ұмыттыңыз ба?" in page
