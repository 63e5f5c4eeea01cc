"""The history page of a row speaks the user's language, with no English and no "None"."""

from django.urls import reverse

from holdings.models import Receipt


def test_the_history_page_is_russian_without_none(client, methodologist, row_of):
    receipt = row_of(Receipt)  # made in code: no user, no reason recorded
    client.force_login(methodologist)
    text = client.get(reverse("admin:holdings_receipt_history", args=[receipt.pk])).content.decode()
    for column in ("Объект", "Дата и время", "Действие", "Кто изменил", "Что изменилось"):
        assert column in text
    assert "Changes" not in text and "None" not in text


def test_the_history_page_in_kazakh(client, methodologist, row_of):
    receipt = row_of(Receipt)
    client.force_login(methodologist)
    client.cookies["django_language"] = "kk"
    text = client.get(reverse("admin:holdings_receipt_history", args=[receipt.pk])).content.decode()
    assert "Кім өзгертті" in text and "Не өзгерді" in text
