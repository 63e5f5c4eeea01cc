"""The annual sections of the collection on the demo: printed for a year only, their
tables add up, unknown libraries print «нет данных», totals over some libraries say so,
and the checks against the fund ledger and the work log find the demo consistent and a
changed row not."""

import pytest

from branches.calendar import span_parse
from branches.models import Organization, ReportingPeriod
from collection.models import FundStructure, UserGroups
from figures.codes import figure_codes
from figures.reader import figures_read
from handin.checks import check_run
from reportkit import sections as S
from reports.builder import report_build

# Module fixtures hold the demo: marked, so pytest-django runs these before the
# transactional tests that empty the database.
pytestmark = pytest.mark.django_db

CODES = ("fund_structure_vs_ledger", "fund_branches_add_up", "user_groups_vs_work_log")


@pytest.fixture
def demo(_demo_loaded, db):
    return Organization.objects.get(code="balkhash")


@pytest.fixture
def year(demo):
    return report_build(organization=demo, span=span_parse(demo, "2021"))


def _numbers(table, column):
    return [row.cells[column] for row in table.rows if row.kind == "data"]


def test_a_half_year_report_has_no_annual_section(demo):
    half = report_build(organization=demo, span=span_parse(demo, "2021-H1"))
    codes = [section.code for section in half.sections]
    assert S.FUND_STRUCTURE not in codes and S.USER_GROUPS not in codes
    assert "structure_total" not in half.key_figures  # a code, not a key figure
    assert "structure_total" in figure_codes()


def test_the_users_by_group_add_up_and_are_the_work_logs(demo, year):
    groups = year.section(S.USER_GROUPS).tables()[0]
    total = groups.rows[-1].cells
    for column in range(1, 5):
        assert sum(_numbers(groups, column)) == total[column]
    assert total[1] == total[2] + total[3] + total[4]
    reads = figures_read(
        organization=demo,
        span=span_parse(demo, "2021"),
        library_ids=list(demo.libraries.values_list("pk", flat=True)),
    )
    assert total[1] == sum(i.users for i in reads.indicators.values())
    outreach = year.section(S.USER_GROUPS).tables()[-1]
    assert outreach.title == "Внестационарное обслуживание"
    # The number of points is the network's state (indicators.LibraryState), not entered again.
    assert [row.cells[1] for row in outreach.rows] == [3, 2, 1, 1, 1, 2, 1, 1, 1, 13]
    for column in range(2, 9):
        assert sum(_numbers(outreach, column)) == outreach.rows[-1].cells[column]


def test_the_fund_structure_is_the_ledgers_and_unknown_is_not_zero(year):
    kinds, languages, branches, subscription = year.section(S.FUND_STRUCTURE).tables()
    cgb, cgdb = kinds.rows[0].cells, kinds.rows[1].cells
    assert cgb[1] == 273318 == sum(cgb[2:])  # the ledger's fund at 01.07.2021
    assert cgdb[1:] == ["нет данных"] * 6
    assert kinds.rows[-1].cells[1] == "273318 (по 1 из 9 библиотек)"
    assert languages.rows[0].cells[2] == 88068  # the ledger's Kazakh copies
    assert branches.rows[-1].cells[1] == "273318 (по 1 из 9 библиотек)"
    assert sum(row.cells[1] for row in branches.rows[:-1]) == 273318
    for column in range(1, 6):
        assert sum(_numbers(subscription, column)) == subscription.rows[-1].cells[column]


def test_the_kazakh_report_says_no_data_in_kazakh(demo):
    year = report_build(organization=demo, span=span_parse(demo, "2021"), language="kk")
    kinds = year.section(S.FUND_STRUCTURE).tables()[0]
    assert kinds.rows[1].cells[1] == "деректер жоқ"
    assert kinds.header[0][0].text == "Кітапхана"


def test_the_demo_is_consistent_and_a_changed_row_is_found(demo):
    period = ReportingPeriod.objects.get(organization=demo, year=2021, half=1)
    assert not [r for r in check_run(period=period) if r.code in CODES]
    users = UserGroups.objects.get(library__code="f1", period=period)
    users.total, users.adults = users.total + 5, users.adults + 5
    users.save()
    fund = FundStructure.objects.get(library__code="cgb", period=period)
    fund.total, fund.books, fund.russian = fund.total + 2, fund.books + 2, fund.russian + 2
    fund.save()
    found = {r.code: r.message("ru", grouping=False) for r in check_run(period=period)}
    assert found["user_groups_vs_work_log"] == (
        f"ф№1: пользователей по группам – {users.total}, а по дневнику работы – {users.total - 5}."
    )
    assert found["fund_structure_vs_ledger"] == (
        "ЦГБ: фонд по структуре – 273320 экз., а по учёту фонда на конец периода – 273318 экз."
    )
    assert found["fund_branches_add_up"] == (
        "ЦГБ: фонд по отраслям знаний в сумме – 273318 экз., а всего по структуре фонда – "
        "273320 экз."
    )


def test_the_annex_prints_the_fund_by_kind_and_language_and_users_by_age(demo, year):
    from reports.annex.build import annex_build, annex_layout

    annex = annex_build(
        layout=annex_layout("common_6nk_kz"),
        organization=demo,
        span=span_parse(demo, "2021"),
        language="ru",
    )
    by_title = {section.title: section.tables()[0] for section in annex.sections}
    fund = by_title["7. Фонд по видам документов и языкам на конец периода, экз."]
    kinds = year.section(S.FUND_STRUCTURE).tables()[0]
    languages = year.section(S.FUND_STRUCTURE).tables()[1]
    assert fund.rows[0].cells[1:7] == kinds.rows[0].cells[1:]  # the ЦГБ's
    assert fund.rows[0].cells[7:] == languages.rows[0].cells[2:5]
    assert fund.rows[1].cells[1:] == ["нет данных"] * 9  # the ЦГДБ entered none
    users = by_title["8. Пользователи по возрастным группам, чел."]
    groups = year.section(S.USER_GROUPS).tables()[0]
    assert [row.cells for row in users.rows] == [row.cells for row in groups.rows]
