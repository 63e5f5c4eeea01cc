"""The librarian's home page shows the deadline and, while something blocks the
hand-in, a disabled «Сдать данные» with the reason (issue 24), in ru and kk."""

import datetime
import re

import pytest

from branches.handins import HandIn
from tests.handin.test_pages import get


def _button(text):
    return re.search(r'<button type="submit" id="submit-handin"[^>]*>', text).group(0)


@pytest.mark.parametrize(
    ("language", "due", "reason"),
    [("ru", "сдать до 10.07.2021", "Поясните 1 предупреждение"),
     ("kk", "10.07.2021 дейін тапсыру", "1 ескертуді түсіндіріңіз")],
)  # fmt: skip
def test_an_unexplained_warning_disables_the_button_with_its_reason(
    client, librarian, loop_data, language, due, reason
):
    loop_data.libraries_due = datetime.date(2021, 7, 10)
    loop_data.save()
    text = get(client, librarian, language=language).content.decode()
    assert due in text
    button = _button(text)
    assert "disabled" in button and 'aria-describedby="submit-blocked"' in button
    blocked = re.search(r'id="submit-blocked">([^<]+)<', text).group(1)
    assert reason in blocked


def test_errors_disable_the_button_too(client, librarian, flawed_data):
    text = get(client, librarian).content.decode()
    assert "disabled" in _button(text)
    assert "чтобы сдать данные" in re.search(r'id="submit-blocked">([^<]+)<', text).group(1)


@pytest.mark.parametrize(("language", "said"), [("ru", "срок сдачи не назначен"),
                                                 ("kk", "тапсыру мерзімі белгіленбеген")])  # fmt: skip
def test_a_missing_deadline_is_said_not_hidden(client, librarian, loop_data, language, said):
    assert said in get(client, librarian, language=language).content.decode()


def test_nothing_blocking_leaves_the_button_active(client, librarian, period, library):
    text = get(client, librarian).content.decode()
    assert "disabled" not in _button(text)
    assert 'id="submit-blocked"' not in text


def test_the_methodologist_sees_no_hand_in_button(client, methodologist, loop_data):
    text = get(client, methodologist).content.decode()
    assert 'id="submit-handin"' not in text


def test_a_handed_in_half_year_shows_no_button(client, librarian, loop_data, library):
    HandIn.objects.create(library=library, period=loop_data, state="submitted")
    assert 'id="submit-handin"' not in get(client, librarian).content.decode()
