"""The glossary's suggestion of an event text's Kazakh form, and who may ask for it
(issue 25, item 3)."""

import pytest

from events.glossary import kazakh_genitive, suggest
from events.models import Event, GlossaryEntry
from tests.admin.posting import admin_url

SUGGEST_URL = "/admin/events/event/suggest-kk/"


@pytest.mark.django_db
def test_the_anniversary_and_audience_are_suggested_whole():
    suggestion = suggest("к 175-летию Ж.Жабаева для старшеклассников")
    assert suggestion.text == (
        "Ж.Жабаевтың туғанына 175 жыл толуына орай жоғары сынып оқушыларына арналған"
    )
    assert suggestion.complete


@pytest.mark.django_db
def test_calendar_days_form_words_and_quoted_names():
    assert suggest("ко Дню Победы").text == "Жеңіс күніне орай"
    assert suggest("ко Дню защиты детей").text == "Балаларды қорғау күніне орай"
    assert suggest("мастер-класс «Ваза»").text == "шеберлік сыныбы «Ваза»"


@pytest.mark.django_db
def test_what_the_glossary_does_not_know_stays_and_makes_the_suggestion_partial():
    suggestion = suggest("к 175-летию Ж.Жабаева с поэтом К.Саденовым")
    assert not suggestion.complete
    assert suggestion.text.startswith("Ж.Жабаевтың туғанына 175 жыл толуына орай с поэтом")
    assert suggestion.unknown == ["с", "поэтом", "К.Саденовым"]


@pytest.mark.django_db
def test_a_phrase_the_methodologist_adds_is_suggested():
    assert not suggest("для библиотекарей").complete
    GlossaryEntry.objects.create(
        code="for-librarians", name_ru="для библиотекарей", name_kk="кітапханашыларға арналған"
    )
    assert suggest("для библиотекарей").text == "кітапханашыларға арналған"


def test_names_take_the_kazakh_genitive_by_their_last_sound_and_vowels():
    assert kazakh_genitive("Ж.Жабаева") == "Ж.Жабаевтың"
    assert kazakh_genitive("Абая") == "Абайдың"
    assert kazakh_genitive("А.Пушкина") == "А.Пушкиннің"


def test_a_librarian_gets_the_suggestion(client, librarian):
    client.force_login(librarian)
    response = client.get(SUGGEST_URL, {"text": "для детей"})
    assert response.status_code == 200
    assert response.json() == {"text": "балаларға арналған", "complete": True, "unknown": []}


def test_a_methodologist_gets_it_too(client, methodologist):
    client.force_login(methodologist)
    assert client.get(SUGGEST_URL, {"text": "для детей"}).status_code == 200


def test_a_director_who_enters_no_event_gets_no_suggestion(client, director):
    client.force_login(director)
    assert client.get(SUGGEST_URL, {"text": "для детей"}).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login(client, db):
    response = client.get(SUGGEST_URL, {"text": "для детей"})
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_event_form_offers_the_suggestion_through_a_static_script(client, librarian):
    client.force_login(librarian)
    html = client.get(admin_url(Event, "add")).content.decode()
    assert "events/kk_suggest.js" in html
    assert f'data-suggest-url="{SUGGEST_URL}"' in html
    assert 'data-suggest-from="id_dedication"' in html
    assert "<script>" not in html  # no inline script (CSP)
