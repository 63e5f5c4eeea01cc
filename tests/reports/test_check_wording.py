"""The consistency notes count their nouns as the report does: «1 документ», «3 документа»,
«193 документа», and in Kazakh «193 құжат» (a Kazakh noun does not change after a number)."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from branches.checks import check_by_code


def digitized(*done_per_kind):
    kinds = [
        SimpleNamespace(done=n, planned=0, name=lambda language: "Книги") for n in done_per_kind
    ]
    return SimpleNamespace(done=sum(done_per_kind), kinds=kinds)


@pytest.mark.parametrize(
    ("language", "parts", "expected"),
    [
        ("ru", (1,), "Всего оцифровано 1 документ = сумма по видам: 1."),
        ("ru", (1, 2), "Всего оцифровано 3 документа = сумма по видам: 1 + 2."),
        ("ru", (20, 173), "Всего оцифровано 193 документа = сумма по видам: 20 + 173."),
        ("ru", (200, 11), "Всего оцифровано 211 документов = сумма по видам: 200 + 11."),
        ("kk", (1,), "Барлығы 1 құжат цифрландырылды = түрлері бойынша қосынды: 1."),
        ("kk", (20, 173), "Барлығы 193 құжат цифрландырылды = түрлері бойынша қосынды: 20 + 173."),
    ],
)
def test_the_digitized_total_agrees_with_its_number(language, parts, expected):
    check = check_by_code("digitization_sum")  # the registry's check, as the report runs it
    with translation.override(language):
        [result] = check.run(check, SimpleNamespace(digitization=digitized(*parts)))
        note = check.note(result)
    assert note.text == expected
