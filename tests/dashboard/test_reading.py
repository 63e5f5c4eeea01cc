"""What a director reads off the page must not mislead: what each change is measured
against, a year against a year, a library with nothing entered, charts with units."""

import re

import pytest

from branches.calendar import span_parse
from branches.models import Library, StaffProfile
from branches.scoping import DIRECTOR, ensure_groups
from demo.generate import generate
from figures.reader import key_figures

pytestmark = pytest.mark.django_db


def cards_of(response) -> dict:
    return {card.key: card for card in response.context["cards"]}


@pytest.fixture
def generated(django_user_model):
    """Two whole years, 2020 and 2021, of two libraries."""
    org = generate(libraries=2, years=2, first_year=2020, prefix="read").organizations[0]
    user = django_user_model.objects.create_user("dir-read", password="pw")
    user.groups.set([ensure_groups()[DIRECTOR]])
    StaffProfile.objects.create(user=user, organization=org)
    return org, user


def test_a_whole_year_is_compared_with_the_whole_year_before(client, generated):
    org, user = generated
    client.force_login(user)
    response = client.get("/dashboard/?period=2021")
    received = cards_of(response)["received"]
    assert received.value == key_figures(organization=org, span=span_parse(org, "2021")).received
    assert received.previous == key_figures(organization=org, span=span_parse(org, "2020")).received
    assert "изменения — к 2020 году" in response.content.decode()


def test_a_years_subscribers_are_the_count_at_its_end(client, generated):
    """Subscribers are counted at a moment: a year shows its second half's count,
    as the report's year does, not the two halves added up."""
    org, user = generated
    client.force_login(user)
    year = cards_of(client.get("/dashboard/?period=2021"))["subscribers"]
    second = key_figures(organization=org, span=span_parse(org, "2021-H2")).subscribers
    assert (
        year.value
        == second
        == key_figures(organization=org, span=span_parse(org, "2021")).subscribers
    )
    assert year.detail == "на конец года"
    assert not cards_of(client.get("/dashboard/?period=2021-H2"))["subscribers"].detail


def test_the_first_year_says_there_is_nothing_to_compare_with(client, generated):
    _org, user = generated
    client.force_login(user)
    response = client.get("/dashboard/?period=2020")
    text = response.content.decode()
    assert cards_of(response)["received"].previous is None
    assert "нет данных для сравнения; фонд и каталог сравниваются с началом периода" in text
    assert "изменения — к" not in text
    # The stock still has its opening balance, and says that is what it is.
    fund = cards_of(response)["fund"]
    assert fund.previous is not None
    assert f"на начало периода: {fund.previous:,}".replace(",", "\u00a0") in text


def test_a_half_year_is_compared_with_the_same_half_a_year_before(client, generated):
    """The report's rule (issue 22, item 4): not the half-year just before."""
    org, user = generated
    client.force_login(user)
    response = client.get("/dashboard/?period=2021-H1")
    views = cards_of(response)["views"]
    assert views.previous == key_figures(organization=org, span=span_parse(org, "2020-H1")).views
    assert views.compared_with == "к 1 полугодию 2020 года"
    assert "к 1 полугодию 2020 года" in response.content.decode()


def test_more_written_off_is_not_painted_good_or_bad(client, generated):
    _org, user = generated
    client.force_login(user)
    response = client.get("/dashboard/?period=2021-H1")
    text = response.content.decode()
    written_off = re.search(r'data-figure="written_off">.*?</li>', text, re.S).group(0)
    assert cards_of(response)["written_off"].change  # there is a change...
    assert "trend-flat" in written_off  # ...in the neutral colour
    assert "trend-up" not in written_off and "trend-down" not in written_off


def test_a_library_with_nothing_entered_shows_no_fund_rather_than_zero(
    client, director, half_year, organization
):
    Library.objects.create(
        organization=organization, code="f9", kind="branch", number=9, short_name="ф№9",
        name_ru="Библиотека-филиал №9", name_kk="№9 кітапхана-филиалы", order=90,
    )  # fmt: skip
    client.force_login(director)
    response = client.get("/dashboard/library/f9/?period=2021-H1")
    text = response.content.decode()
    assert cards_of(response)["fund"].value is None
    assert "состояние фонда не внесено" in text
    assert "подсчёты записей не внесены" in text
    # Charts with nothing to draw say so instead of drawing empty axes.
    assert 'data-chart="kazakh_share"' not in text
    assert 'data-chart-empty="kazakh_share"' in text
    assert 'data-chart-empty="catalogue"' in text
    assert "За этот период данных для графика нет." in text


def test_every_chart_names_the_unit_of_its_axes(client, director, half_year):
    client.force_login(director)
    charts = client.get("/dashboard/").context["charts"]
    assert charts["fund"]["axes"] == {"y": "экз."}
    assert set(charts["activity"]["axes"]) == {"y", "y1"}  # counts left, views right
    assert charts["kazakh_share"]["axes"] == {"y": "%"}
    assert charts["kazakh_share"]["labels"][-2:] == ["2 пол. 2020", "1 пол. 2021"]
    assert charts["digitization"]["axes"] == {"y": "документов"}
    assert charts["catalogue"]["axes"] == {"x": "записей"}
    # Visits and loans left, users (far fewer) right.
    assert charts["indicator_trend"]["axes"] == {"y": "посещений и выдач", "y1": "человек"}
    # The fixture has no work log: only the trend is empty.
    assert [key for key, spec in charts.items() if spec["empty"]] == ["indicator_trend"]


def test_completeness_counts_rows_entered_not_documents(client, director, half_year):
    """ЦГБ entered one row of 207 digitized articles: one row, as for every other kind."""
    client.force_login(director)
    response = client.get("/dashboard/completeness/?period=2021-H1")
    entered = dict(response.context["overview"].completeness)
    cgb = next(value for lib, value in entered.items() if lib.code == "cgb")
    assert cgb["digitized"] == 1
    # 10 columns + the work log, network, staff + the collection's 5 and the services' 3
    # (reference work, clubs, partners: issue 27)
    assert "из 21" in response.content.decode()


def test_the_comparison_reads_in_kazakh(client, generated):
    _org, user = generated
    client.force_login(user)
    client.cookies["django_language"] = "kk"
    text = client.get("/dashboard/?period=2020").content.decode()
    assert "салыстыруға деректер жоқ" in text
    assert "кезең басында" in text
