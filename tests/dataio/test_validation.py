"""Rows are checked by the models' own rules: `row_validate` says what `full_clean` says."""

import pytest

from branches.facts import periods_memoized
from branches.models import ReportingPeriod
from dataio.rows import Lookups, row_build, row_validate
from dataio.schema import sheet_for
from events.models import Event
from holdings.models import FundSnapshot, Receipt, WriteOff

CASES = [
    (Event, {"Библиотека": "cgb", "Дата": "05.03.2021", "Название": "В порядке", "Форма": "quiz"}),
    (Event, {"Библиотека": "cgb", "Дата": "05.09.2031", "Название": "Вне периода", "Форма": "quiz"}),
    (Event, {"Библиотека": "cgb", "Дата": "05.03.2021", "Название": "x" * 600, "Форма": "quiz",
             "Участников": -1, "Ссылка": "не ссылка"}),
    (Receipt, {"Библиотека": "cgb", "Дата": "05.03.2021", "Источник": "gift", "Экземпляров": 3,
               "В т.ч. на казахском языке": 5}),
    (WriteOff, {"Библиотека": "cgb", "Дата": "05.03.2021", "Причина": "wear",
                "Экземпляров": 5000, "В т.ч. на казахском языке": 0}),
    (FundSnapshot, {"Библиотека": "cgb", "На дату": "01.01.2021", "Вид": "инвентаризация",
                    "Экземпляров": 10, "В т.ч. на казахском языке": 0}),
]  # fmt: skip


def full_clean_messages(instance) -> set[str]:
    try:
        instance.full_clean()
    except Exception as error:  # ValidationError
        return {m for messages in error.message_dict.values() for m in messages}
    return set()


@pytest.mark.parametrize("model, row", CASES)
def test_row_validation_says_exactly_what_full_clean_says(sample_data, model, row):
    lookups = Lookups(sample_data)
    data = row_build(sheet_for(model), row, lookups)
    assert not data.errors
    with periods_memoized():
        row_validate(sheet_for(model), data)
    ours = {m for messages in data.errors.values() for m in messages}
    assert ours == full_clean_messages(data.instance)


def test_an_approved_period_closes_its_dates_for_imports_too(sample_data):
    ReportingPeriod.objects.update(status="approved")
    row = {"Библиотека": "cgb", "Дата": "05.03.2021", "Название": "x", "Форма": "quiz"}
    data = row_build(sheet_for(Event), row, Lookups(sample_data))
    with periods_memoized():
        row_validate(sheet_for(Event), data)
    assert data.errors == {
        "Дата": ["Период «1 полугодие 2021 года» утверждён: его данные больше нельзя менять."]
    }
