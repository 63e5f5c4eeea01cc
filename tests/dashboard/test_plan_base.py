"""A plan's % says its base, in the same words on the dashboard and in the report: the
year's plan set against a first half is «% годового плана», read against the pace
expected at mid-year, not a half that seems behind (issue 22, item 9)."""

import re

import pytest

from branches.calendar import span_parse
from indicators.models import IndicatorPlan
from reports.builder import report_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def annual_plans(work_log, other_library):
    """ф№4's plan of the half is dropped: both libraries have only the year's plan."""
    IndicatorPlan.objects.filter(library=other_library, half=1).delete()


def test_the_report_and_the_dashboard_say_the_same_base(
    client, director, organization, annual_plans
):
    report = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    users = report.section("control").tables()[0]
    assert users.title == (
        "Пользователи: выполнение годового плана за 1 полугодие 2021 года (к середине года — 50 %)"
    )
    assert [cell.text for cell in users.header[0]][1:4] == [
        "годовой план", "выполнено", "% годового плана"
    ]  # fmt: skip
    plan, done, percent = users.rows[-1].cells[1:4]  # the ЦБС: 200 readers of 500 a year
    assert (plan, done, percent) == (500, 200, 40.0)

    client.force_login(director)
    response = client.get("/dashboard/?period=2021-H1")
    card = next(c for c in response.context["indicator_cards"] if c.key == "users")
    assert (card.plan_label, card.plan_pace) == ("годовой план", "к середине года — 50 %")
    assert (card.control.plan, float(card.control.percent)) == (plan, percent)
    text = response.content.decode()
    shown = re.search(r'data-figure="users">.*?<p class="card-plan">(.*?)<meter', text, re.S)
    assert "годовой план: 500 · <strong>40,0 %</strong>" in shown.group(1)
    assert "к середине года — 50 %" in shown.group(1)


def test_a_years_own_plan_is_just_the_plan(client, director, organization, annual_plans):
    report = report_build(organization=organization, span=span_parse(organization, "2021"))
    users = report.section("control").tables()[0]
    assert users.title == "Пользователи: выполнение плана за 2021 год"
    assert [cell.text for cell in users.header[0]][1:4] == ["план", "выполнено", "% плана"]


def test_in_kazakh_too(organization, annual_plans):
    report = report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language="kk"
    )
    users = report.section("control").tables()[0]
    assert "жылдық жоспардың орындалуы" in users.title
    assert "жыл ортасына қарай — 50 %" in users.title
    assert users.header[0][3].text == "жылдық жоспардың %"
