"""The dashboard says at the top where the half-year stands: the report's state and
how many libraries handed in and were accepted, in Russian and Kazakh."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import strip_tags

from branches.models import Organization
from demo.handins import demo_handins_load
from handin.services import handin_accept


@pytest.fixture
def demo(_demo_loaded, db):
    return Organization.objects.get(code="balkhash")


def state_line(client, url: str) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'<p class="state-line" id="state-line">(.*?)</p>', page, re.S)
    assert found, "the state line is on the page"
    assert page.index('id="state-line"') < page.index('id="key-figures-title"')
    return " ".join(strip_tags(found.group(1)).split())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Отчёт за полугодие: открыт · Сдали данные: 8 из 9, приняты: 1, просрочено: 1"),
        (
            "kk",
            "Жартыжылдық есебі: ашық · Деректерді тапсырғандар: 9 ішінен 8, "
            "қабылданғаны: 1, мерзімі өткені: 1",
        ),
    ],
)
def test_the_top_of_the_dashboard_counts_the_hand_ins(
    client, demo, language, expected, django_capture_on_commit_callbacks
):
    users = get_user_model().objects
    period = demo.periods.get(year=2021, half=1)
    with django_capture_on_commit_callbacks():  # the letters are not the point here
        demo_handins_load(demo)  # all but ф№4, past its due date
        handin_accept(
            library=demo.libraries.get(code="cgb"),
            period=period,
            user=users.get(username="methodist"),
        )
    client.force_login(users.get(username="director"))
    client.cookies["django_language"] = language
    assert state_line(client, "/dashboard/?period=2021-H1") == expected


def test_a_library_page_shows_its_own_hand_in(client, demo):
    client.force_login(get_user_model().objects.get(username="director"))
    line = state_line(client, "/dashboard/library/f4/?period=2021-H1")
    assert line == "Отчёт за полугодие: открыт · Сдача данных: черновик просрочено"


def test_a_year_has_no_state_line(client, demo):
    client.force_login(get_user_model().objects.get(username="director"))
    assert 'id="state-line"' not in client.get("/dashboard/?period=2021").content.decode()
