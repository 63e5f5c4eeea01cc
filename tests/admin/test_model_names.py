"""The admin names each model in the form its sentence needs, in Russian and Kazakh:
«Добавить строку дневника работы», not «Добавить строка дневника работы»; «29 строк
дневника работы», not «29 дневник работы»."""

import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from entry.admin_names import ADD, DELETE_SELECTED, SELECT_TO_CHANGE, NamedAdminMixin
from entry.model_names import NOUNS, noun_of, sentence
from indicators.models import WorkLogEntry
from tests.admin.factories import ALL_MODELS, make_row

LANGUAGES = ("ru", "kk")
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


PAGE_PHRASES = {
    "changelist": [
        {"ru": "Выберите %s для изменения", "kk": "Өзгерту үшін %s таңдаңыз"},
        {"ru": "Выберите %s для просмотра", "kk": "Қарау үшін %s таңдаңыз"},
    ],
    "add": [{"ru": "Добавить %s", "kk": "%s қосу"}],
    "change": [
        {"ru": "Изменить %s", "kk": "%s өзгерту"},
        {"ru": "Просмотреть %s", "kk": "%s қарау"},
    ],
}


def _title(page: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page, re.S)[1].strip()


def test_every_model_the_admin_registers_has_its_forms():
    assert [m._meta.label for m in MODELS if m._meta.label_lower not in NOUNS] == []
    assert [m for m, a in admin.site._registry.items() if not isinstance(a, NamedAdminMixin)] == []


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_every_form_has_its_kazakh_translation(model):
    noun = noun_of(model._meta)
    with translation.override("ru"):
        russian = [str(noun.one), str(noun.many), str(noun.counted)]
    with translation.override("kk"):
        kazakh = [str(noun.one), str(noun.many), str(noun.counted)]
    assert [ru for ru, kk in zip(russian, kazakh, strict=True) if ru == kk] == []


# The forms a reader checks; the table gives every other model's the same way.
@pytest.mark.parametrize(
    ("language", "model", "number", "add", "select", "delete", "counted"),
    [
        ("ru", "indicators.worklogentry", 29, "Добавить строку дневника работы",
         "Выберите строку дневника работы для изменения",
         "Удалить выбранные строки дневника работы", "29 строк дневника работы"),
        ("ru", "indicators.worklogentry", 2, None, None, None, "2 строки дневника работы"),
        ("ru", "indicators.worklogentry", 21, None, None, None, "21 строка дневника работы"),
        ("ru", "events.eventform", 5, "Добавить форму мероприятия",
         "Выберите форму мероприятия для изменения", "Удалить выбранные формы мероприятий",
         "5 форм мероприятий"),
        ("ru", "auth.user", 3, "Добавить пользователя", "Выберите пользователя для изменения",
         "Удалить выбранные пользователей", "3 пользователя"),
        ("kk", "indicators.worklogentry", 29, "Жұмыс күнделігінің жолын қосу",
         "Өзгерту үшін жұмыс күнделігінің жолын таңдаңыз",
         "Таңдалған жұмыс күнделігінің жолдарын өшіру", "29 жұмыс күнделігінің жолы"),
        ("kk", "events.event", 7, "Іс-шараны қосу", "Өзгерту үшін іс-шараны таңдаңыз",
         "Таңдалған іс-шараларды өшіру", "7 іс-шара"),
        ("kk", "reports.report", 1, "Есепті қосу", None, None, "1 есеп"),
    ],
)  # fmt: skip
def test_the_forms_read_as_sentences(language, model, number, add, select, delete, counted):
    noun = NOUNS[model]
    with translation.override(language):
        said = {
            "add": sentence(ADD, noun.one),
            "select": sentence(SELECT_TO_CHANGE, noun.one),
            "delete": sentence(DELETE_SELECTED, noun.many),
            "counted": noun.count(number),
        }
    expected = {"add": add, "select": select, "delete": delete, "counted": counted}
    assert {k: v for k, v in said.items() if expected[k]} == {
        k: v for k, v in expected.items() if v
    }


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.kz", "x")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_models_pages_name_it_in_the_right_form(client, superuser, library, period, language):
    """Every registered model's list, add, change and delete pages: the title is the
    table's sentence, never Django's «Добавить %s» around the nominative."""
    client.force_login(superuser)
    client.cookies["django_language"] = language
    rows = {model: make_row(model, library=library, period=period, n=1) for model in ALL_MODELS}
    wrong = []
    for model in admin.site._registry:
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        with translation.override(language):
            noun = noun_of(opts)
            nominative = str(opts.verbose_name)
            one = str(noun.one)
            # A read-only list or row (the access log, a task's result) is viewed, not changed.
            expected = {
                reverse(f"{prefix}_changelist"): PAGE_PHRASES["changelist"],
                reverse(f"{prefix}_add"): PAGE_PHRASES["add"],
            }
            row = rows.get(model)
            if row is not None:
                expected[reverse(f"{prefix}_change", args=[row.pk])] = PAGE_PHRASES["change"]
        for url, phrases in expected.items():
            response = client.get(url)
            if response.status_code != 200:
                continue  # a model without an add page (the report)
            title = _title(response.content.decode())
            said = [phrase[language] for phrase in phrases]
            if title not in [capfirst(p % one) for p in said]:
                wrong.append((url, title))
            if one.lower() != nominative.lower() and title.lower() in [
                (p % nominative).lower() for p in said
            ]:
                wrong.append((url, title))
    assert wrong == []


def test_the_list_counts_and_the_delete_action_speak_russian(client, superuser, library, period):
    rows = [
        WorkLogEntry.objects.create(library=library, date=datetime.date(2021, 3, day), visits=1)
        for day in (1, 2, 3, 4, 5)
    ]
    client.force_login(superuser)
    page = client.get(reverse("admin:indicators_worklogentry_changelist")).content.decode()
    assert "5 строк дневника работы" in page
    assert "Удалить выбранные строки дневника работы" in page
    assert "Добавить строку дневника работы" in page
    data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [r.pk for r in rows[:2]]}
    confirm = client.post(reverse("admin:indicators_worklogentry_changelist"), data)
    assert "строки дневника работы" in confirm.content.decode()
    assert WorkLogEntry.objects.count() == 5  # the question changes nothing
    done = client.post(
        reverse("admin:indicators_worklogentry_changelist"), {**data, "post": "yes"}, follow=True
    )
    assert WorkLogEntry.objects.count() == 3
    assert "Удалено: 2 строки дневника работы." in [str(m) for m in done.context["messages"]]
