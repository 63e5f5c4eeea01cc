"""Django admin puts a model's plural name after «Удалить выбранные»: it must be a plural."""

import datetime

import pytest
from django.apps import apps
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from digitization.models import DigitizationPlan, DocumentKind
from holdings.models import AcquisitionBudget, FundingSource, Receipt

# Nouns that are plural in both numbers (показатели, справки...) are said the same way.
APPS = ("branches", "holdings", "catalogue", "digitization", "publications", "events", "reports")
SAME_IN_BOTH = {
    "показатели онлайн-работы",
    "виртуальные библиографические справки",
    "публикации в СМИ итогом",
}


def test_every_model_has_a_plural_name_of_its_own():
    singular_plurals = [
        model._meta.verbose_name_plural
        for model in apps.get_models()
        if model._meta.app_label in APPS
        and not model.__name__.startswith("Historical")
        and str(model._meta.verbose_name_plural) == str(model._meta.verbose_name)
        and str(model._meta.verbose_name) not in SAME_IN_BOTH
    ]
    assert singular_plurals == []


def test_the_delete_action_reads_as_a_plural(client, methodologist, organization, period):
    source = FundingSource.objects.first()
    AcquisitionBudget.objects.create(
        organization=organization, period=period, source=source, amount=1
    )
    kind = DocumentKind.objects.first()
    DigitizationPlan.objects.create(organization=organization, period=period, kind=kind, planned=1)
    client.force_login(methodologist)
    page = client.get("/admin/holdings/acquisitionbudget/").content.decode()
    assert "Удалить выбранные бюджеты комплектования" in page
    page = client.get("/admin/digitization/digitizationplan/").content.decode()
    assert "Удалить выбранные планы оцифровки" in page


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("ru", 6, "Удалено: 6 поступлений."),
        ("ru", 2, "Удалено: 2 поступления."),
        ("ru", 21, "Удалено: 21 поступление."),
        ("kk", 6, "Өшірілді: 6 түсім."),
    ],
)
def test_the_delete_message_counts_in_russian_and_kazakh(
    client, librarian, library, period, language, count, expected
):
    source = FundingSource.objects.first()
    rows = [
        Receipt.objects.create(
            library=library, date=datetime.date(2021, 2, 1), source=source, copies=1
        )
        for _n in range(count)
    ]
    client.force_login(librarian)
    client.cookies["django_language"] = language
    data = {
        "action": "delete_selected",
        ACTION_CHECKBOX_NAME: [row.pk for row in rows],
        "post": "yes",
    }
    response = client.post("/admin/holdings/receipt/", data, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert Receipt.objects.count() == 0
    assert any(expected in message for message in messages), messages
