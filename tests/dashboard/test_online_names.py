"""One name, one number (issue 22, item 7): the online-work tally and the online events
entered one by one are two figures with two names, and a name the dashboard and the
report both print has the same number in both."""

import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from branches.calendar import span_parse
from events.models import Event, EventForm
from reports.builder import report_build
from reports.renderers import render_xlsx

pytestmark = pytest.mark.django_db

DAY = datetime.date(2021, 3, 15)
TALLY = {"ru": "Онлайн-мероприятия (по учёту онлайн-работы)", "kk": "Онлайн іс-шаралар (онлайн жұмыс есебі бойынша)"}  # fmt: skip
LISTED = {"ru": "Мероприятий в онлайн-формате", "kk": "Онлайн форматтағы іс-шаралар"}


def dashboard(client, user, language):
    client.force_login(user)
    client.cookies["django_language"] = language
    return client.get("/dashboard/?period=2021-H1")


def report_figures(organization, language) -> dict[str, set]:
    """{label: the values printed under it} of every figure the report states, in its
    sections and the XLSX summary (a label with a unit, «Статьи … стр.», may name two)."""
    report = report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language=language
    )
    figures: dict[str, set] = {}
    for section in report.sections:
        for figure in section.figures():
            figures.setdefault(figure.label, set()).add(figure.value)
    summary = load_workbook(io.BytesIO(render_xlsx(report)))
    sheet = summary.worksheets[0]
    for label, value, *_rest in sheet.iter_rows(min_row=6, values_only=True):
        if label and value is not None and not str(value).startswith("="):
            figures.setdefault(label, set()).add(value)
    return figures


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_dashboard_and_the_report_print_the_same_number_under_the_same_name(
    client, director, organization, half_year, library, language
):
    # One more online event entered by ЦГБ, and one held in the library.
    form = EventForm.objects.get(code="quiz")
    Event.objects.create(library=library, date=DAY, title="Онлайн", form=form, is_online=True)
    Event.objects.create(library=library, date=DAY, title="В зале", form=form, is_online=False)
    response = dashboard(client, director, language)
    cards = {str(card.label): card.value for card in response.context["cards"]}
    printed = report_figures(organization, language)
    shared = set(cards) & set(printed)
    assert TALLY[language] in shared
    for label in shared:
        assert printed[label] == {cards[label]}, label
    # The tally: ЦГБ's all-platforms row (150) and ф№4's platforms (20 + 13).
    assert cards[TALLY[language]] == 183
    # The events entered one by one and held online: the fixture's broadcast and ЦГБ's
    # quiz. Another figure, so another name, which the dashboard's cards do not use.
    assert printed[LISTED[language]] == {2}
    assert LISTED[language] not in cards
    html = response.content.decode()
    # The tables and the chart beside the cards name the tally as the card does.
    assert html.count(TALLY[language]) >= 3
    assert not re.search(r">\s*(Онлайн-мероприятия|Онлайн-іс-шаралар)\s*<", html)
