"""«Сдать данные» and «Принять» lock a library's half-year: each asks first, saying what
it locks and for whom, in the page's language. The question changes nothing; only the
confirming POST moves the hand-in."""

import pytest

from branches.handins import HandIn
from handin.checks import check_run
from handin.models import Explanation
from handin.views import CONFIRMED
from tests.handin.test_loop import state


def _explain_everything(period, librarian):
    for result in check_run(period=period, libraries=[librarian.staff_profile.library]):
        Explanation.objects.create(
            period=period, key=result.key, text="Так и есть.", author=librarian
        )


@pytest.mark.parametrize(
    ("language", "question", "locks"),
    [
        ("ru", "Сдать данные за 1 полугодие 2021 года?",
         "библиотекари «ЦГБ» не смогут их добавлять и менять"),
        ("kk", "«2021 жылдың 1-жартыжылдығы» кезеңінің деректерін тапсырасыз ба?",
         "«ЦГБ» кітапханашылары оларды қоса да, өзгерте де алмайды"),
    ],
)  # fmt: skip
def test_submitting_asks_first(client, librarian, loop_data, library, language, question, locks):
    client.force_login(librarian)
    client.cookies["django_language"] = language
    url = f"/handin/cgb/{loop_data.pk}/submit/"
    asked = client.post(url)
    page = asked.content.decode()
    assert asked.status_code == 200
    assert question in page and locks in page
    assert f'href="/?period={loop_data.pk}"' in page  # «Отмена»: back to the home page
    assert "<script>" not in page and "onclick" not in page  # nothing inline under the CSP
    assert state(library, loop_data) == "draft"  # the question changes nothing
    _explain_everything(loop_data, librarian)
    client.post(url, {CONFIRMED: "yes"})
    assert state(library, loop_data) == "submitted"


def test_accepting_asks_first(client, methodologist, loop_data, library):
    HandIn.objects.create(library=library, period=loop_data, state="submitted")
    client.force_login(methodologist)
    url = f"/handin/cgb/{loop_data.pk}/accept/"
    page = client.post(url).content.decode()
    assert "Принять данные «ЦГБ» за 1 полугодие 2021 года?" in page
    assert "Библиотекари «ЦГБ» не смогут их менять" in page
    assert state(library, loop_data) == "submitted"
    client.post(url, {CONFIRMED: "yes"})
    assert state(library, loop_data) == "accepted"


def test_someone_elses_move_is_refused_without_a_question(client, librarian, loop_data, library):
    HandIn.objects.create(library=library, period=loop_data, state="submitted")
    client.force_login(librarian)
    assert client.post(f"/handin/cgb/{loop_data.pk}/accept/").status_code == 403
    assert state(library, loop_data) == "submitted"
