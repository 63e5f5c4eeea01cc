"""The import's history records, copied by the database (`dataio.history`), are the
records django-simple-history 3.13.0's `bulk_history_create` writes for the same rows."""

import datetime

from django.db import connection

from dataio.history import _copy_of, history_created
from dataio.schema import SHEETS
from events.models import Event, EventForm

# What differs between two writers of the same records: their ids and the moment.
OWN = ("history_id", "history_date")


def _records(model, pks) -> list[dict]:
    rows = model.history.filter(id__in=pks).order_by("id").values()
    return [{k: v for k, v in row.items() if k not in OWN} for row in rows]


def _events(library, count: int) -> list[Event]:
    form = EventForm.objects.get(code="quiz")
    return Event.objects.bulk_create(
        Event(
            library=library,
            date=datetime.date(2021, 3, 1 + i % 28),
            title=f"Викторина «{i}»",
            title_kk=f"«{i}» викторинасы",
            form=form,
            is_online=i % 2 == 0,
            highlight=Event.Highlight.LOCAL if i % 3 == 0 else "",
            dedication="к 175-летию Ж.Жабаева",
            series_kind="club",
            series="«33 идеи»",
            audience="для детей",
            participants=i if i % 4 else None,
            views=7,
            url="https://example.kz/e",
            note="примечание",
            note_in_report=True,
            position=i % 5 or None,
            wording_ru="формулировка",
            whole_system=i % 7 == 0,
        )  # fmt: skip
        for i in range(count)
    )


def test_every_batched_sheet_is_copied_by_the_database():
    """No sheet inserted in batches falls back to building its records in Python."""
    batched = [sheet.model for sheet in SHEETS if sheet.in_batches]
    assert Event in batched
    assert [model for model in batched if _copy_of(model) is None] == []


def test_copied_records_equal_simple_historys_own(library, period, methodologist):
    events = _events(library, 12)
    pks = [event.pk for event in events]
    Event.history.filter(id__in=pks).delete()
    Event.history.bulk_history_create(
        events, default_user=methodologist, default_change_reason="Импорт из файла «a.xlsx»"
    )
    theirs = _records(Event, pks)
    Event.history.filter(id__in=pks).delete()

    history_created(Event, events, reason="Импорт из файла «a.xlsx»", user=methodologist)

    ours = _records(Event, pks)
    assert len(ours) == 12
    assert ours == theirs
    assert {row["history_user_id"] for row in ours} == {methodologist.pk}
    assert {row["history_type"] for row in ours} == {"+"}


def test_records_are_in_the_rows_order_with_no_user_from_a_command(library, period):
    events = _events(library, 3)
    pks = [event.pk for event in events]
    Event.history.filter(id__in=pks).delete()

    history_created(Event, events, reason="Загрузка командой import_data")

    records = list(Event.history.filter(id__in=pks).order_by("history_id"))
    assert [record.id for record in records] == sorted(pks)
    assert {record.history_user_id for record in records} == {None}
    assert {record.history_change_reason for record in records} == {"Загрузка командой import_data"}


def test_more_rows_than_one_statement_takes(library, period):
    """SQLite takes at most 999 parameters a statement: the copy goes in chunks."""
    count = (connection.features.max_query_params or 999) + 5
    events = _events(library, count)
    pks = [event.pk for event in events]
    Event.history.filter(id__in=pks).delete()

    history_created(Event, events, reason="r")

    assert Event.history.filter(id__in=pks).count() == count
    assert Event.history.filter(id=pks[-1]).get().title == events[-1].title


def test_a_model_with_a_history_of_another_shape_falls_back(library, period, monkeypatch):
    """A historical model the copy does not know is written by simple_history itself."""
    monkeypatch.setattr("dataio.history._copy_of", lambda model: None)
    events = _events(library, 2)
    pks = [event.pk for event in events]
    Event.history.filter(id__in=pks).delete()

    history_created(Event, events, reason="r")

    assert Event.history.filter(id__in=pks, history_change_reason="r").count() == 2
