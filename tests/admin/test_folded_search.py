"""Search ignores case in Russian and Kazakh letters, not only in Latin ones: in a
list's search and in every autocomplete, on SQLite as on PostgreSQL; and a librarian
still finds only her library's rows."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event, EventForm
from tests.admin.posting import admin_url


@pytest.fixture
def events(library, other_library, period):
    form = EventForm.objects.get(code="meeting")
    rows = {
        "наурыз": (library, "Наурыз мейрамы"),
        "өнер": (library, "Өнер кеші"),
        "ілияс": (library, "Ілияс Жансүгіров оқулары"),
        "other": (other_library, "Наурыз в филиале"),
        "latin": (library, "Quiz"),
    }
    return {
        key: Event.objects.create(
            library=owner, date=datetime.date(2021, 3, 20), title=title, form=form
        )
        for key, (owner, title) in rows.items()
    }


def found(client, term) -> set[str]:
    response = client.get(admin_url(Event, "changelist"), {"q": term})
    assert response.status_code == 200
    return {event.title for event in response.context["cl"].result_list}


@pytest.mark.parametrize("term", ["наурыз", "НАУРЫЗ", "Наурыз", "нАУРЫЗ"])
def test_the_list_search_finds_nauryz_in_any_case(client, methodologist, events, term):
    client.force_login(methodologist)
    assert found(client, term) == {"Наурыз мейрамы", "Наурыз в филиале"}


@pytest.mark.parametrize(
    ("term", "title"),
    [("өнер", "Өнер кеші"), ("ӨНЕР", "Өнер кеші"), ("ілияс", "Ілияс Жансүгіров оқулары"),
     ("ІЛИЯС", "Ілияс Жансүгіров оқулары"), ("ЖАНСҮГІРОВ", "Ілияс Жансүгіров оқулары"),
     ("quiz", "Quiz"), ("QUIZ", "Quiz")],
)  # fmt: skip
def test_kazakh_and_latin_letters_are_found_in_either_case(
    client, methodologist, events, term, title
):
    client.force_login(methodologist)
    assert found(client, term) == {title}


@pytest.mark.parametrize("term", ["наурыз", "НАУРЫЗ", "Наурыз"])
def test_a_librarian_finds_only_her_librarys_rows(client, librarian, events, term):
    client.force_login(librarian)
    assert found(client, term) == {"Наурыз мейрамы"}


def autocomplete(client, term, *, model_name="event", field_name="form", app_label="events"):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name,
         "term": term},
    )  # fmt: skip
    assert response.status_code == 200
    return {item["text"] for item in response.json()["results"]}


@pytest.mark.parametrize("term", ["встр", "ВСТР", "Встр"])
def test_the_event_forms_autocomplete_finds_a_form_in_any_case(client, librarian, period, term):
    client.force_login(librarian)
    assert any(text.startswith("Встреча") for text in autocomplete(client, term))


@pytest.mark.parametrize("term", ["кездесу", "КЕЗДЕСУ"])
def test_the_autocomplete_finds_the_kazakh_name_in_any_case(client, librarian, period, term):
    client.force_login(librarian)
    assert autocomplete(client, term)  # «Кездесу», the meeting's Kazakh name


@pytest.mark.parametrize("term", ["орталық", "ОРТАЛЫҚ", "цгб"])
def test_the_library_autocomplete_ignores_case_and_keeps_the_librarian_to_her_library(
    client, librarian, library, other_library, term
):
    client.force_login(librarian)
    found_ids = autocomplete(client, term, app_label="holdings", model_name="receipt",
                             field_name="library")  # fmt: skip
    assert found_ids == {str(library)}
    assert autocomplete(client, "ФИЛИАЛ", app_label="holdings", model_name="receipt",
                        field_name="library") == set()  # fmt: skip
