"""The ЦБС's methodical work and finance (management) and the libraries' premises
(indicators.LibraryState): their constraints as a form and the database say them, the
annual report's sections, and the finance checks."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.forms import model_to_dict, modelform_factory
from django.utils import translation

from branches.calendar import span_parse
from branches.checks import check_by_code
from branches.models import Library, Organization, ReportingPeriod
from demo.data.management import demo_management_load
from entry.admin_base import FieldErrorsForm
from figures.checks import check_context
from figures.codes import ORGANIZATION_KEY, Value
from figures.reader import figures_read
from holdings.models import AcquisitionBudget, FundingSource
from indicators.models import LibraryState
from management.checks import ACQUISITION_CODE, CHANGE_CODE
from management.models import Finance, MethodicalWork
from reports.annex.build import _cell, annex_build, annex_layout
from reports.annex.layout import Entry, Term
from reports.builder import report_build

# Module fixtures hold the demo: marked, so pytest-django runs these before the
# transactional tests that empty the database.
pytestmark = pytest.mark.django_db


def _finance(organization, period, **values):
    fields = {"budget_local": Decimal("10.1"), "budget_grants": Decimal("20.2")}
    fields.update(budget_total=Decimal("30.3"), spent_salaries=Decimal("5"))
    fields.update(spent_total=Decimal("5"))
    fields.update(values)
    return Finance(organization=organization, period=period, **fields)


def _messages(obj, language):
    """The admin form's errors for `obj`'s values: each constraint's message beside the
    field to correct (entry.admin_base.FieldErrorsForm), in `language`."""
    form_class = modelform_factory(type(obj), form=FieldErrorsForm, exclude=[])
    data = {k: "" if v is None else v for k, v in model_to_dict(obj).items()}
    with translation.override(language):
        form = form_class(data=data)
        assert not form.is_valid()
        return {field: [str(m) for m in errors] for field, errors in form.errors.items()}


def test_finance_parts_add_up_to_totals_within_a_tenth(organization, period):
    # 10.1 + 20.2 is 30.299999… in floats (SQLite): still equal to 30.3.
    row = _finance(organization, period)
    row.full_clean()
    row.save()
    assert Finance.objects.get().budget_total == Decimal("30.3")


@pytest.mark.parametrize(
    ("values", "field", "ru", "kk"),
    [
        (
            {"budget_total": Decimal("30.4")},
            "budget_total",
            "Бюджет всего должен быть равен сумме по источникам.",
            "Бюджеттің барлығы көздер бойынша сомаға тең болуы керек.",
        ),
        (
            {"spent_total": Decimal("6")},
            "spent_total",
            "Израсходовано всего должно быть равно сумме по статьям расходов.",
            "Жұмсалғанның барлығы шығыс баптары бойынша сомаға тең болуы керек.",
        ),
        (
            {"paid_income": Decimal("-1")},
            "paid_income",
            "Убедитесь, что это значение больше либо равно 0.",
            "Бұл мәннің мынадан 0 үлкен немесе тең екендігін тексеріңіз.",
        ),
    ],
)
def test_finance_refuses_totals_that_are_not_their_parts(
    organization, period, values, field, ru, kk
):
    row = _finance(organization, period, **values)
    if field != "paid_income":
        row.full_clean(validate_constraints=False)  # only the constraint is wrong
    assert ru in _messages(row, "ru")[field]
    assert kk in _messages(row, "kk")[field]
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()  # the database refuses it on every door, not only the form
    assert not Finance.objects.exists()


def test_methodical_work_group_consultations_within_all(organization, period):
    row = MethodicalWork(organization=organization, period=period, consultations=3)
    row.consultations_group = 4
    assert _messages(row, "kk")["consultations_group"] == [
        "Топтық консультациялар барлық консультациялардан көп бола алмайды."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()
    row.consultations_group = 3
    row.full_clean()
    row.save()
    duplicate = MethodicalWork(organization=organization, period=period)
    assert "уже внесена" in _messages(duplicate, "ru")["period"][0]


def test_library_state_premises_parts_within_totals(library):
    state = LibraryState(
        library=library, date=datetime.date(2021, 1, 1), computers=2, computers_internet=3
    )
    assert _messages(state, "ru")["computers_internet"] == [
        "Компьютеров с выходом в интернет не может быть больше, чем всего компьютеров."
    ]
    state.computers_internet, state.last_repair_year = 2, 2020
    assert "и год, и вид" in _messages(state, "ru")["last_repair_kind"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        state.save()
    state.last_repair_kind = LibraryState.Repair.CAPITAL
    state.full_clean()
    state.save()


# --- The finance checks -------------------------------------------------------------------


def _results(organization, code, *, half=1):
    span = span_parse(organization, f"2021-H{half}")
    libraries = list(Library.objects.filter(organization=organization))
    reads = figures_read(
        organization=organization, span=span, library_ids=[lib.pk for lib in libraries]
    )
    ctx = check_context(span=span, libraries=libraries, reads=reads, thresholds={})
    check = check_by_code(code)
    return [r.message("ru") for r in check.run(check, ctx)]


def test_the_spending_on_acquisition_is_checked_against_the_acquisition_budget(
    organization, library, period
):
    assert _results(organization, ACQUISITION_CODE) == []  # neither known: nothing to say
    source = FundingSource.objects.order_by("order").first()
    AcquisitionBudget.objects.create(
        organization=organization, period=period, source=source, amount=Decimal("2770.4")
    )
    assert _results(organization, ACQUISITION_CODE) == []  # the spending is unknown
    _finance(organization, period, spent_acquisition=Decimal("2000"), spent_salaries=0,
             spent_total=Decimal("2000")).save()  # fmt: skip
    assert _results(organization, ACQUISITION_CODE) == [
        "ЦБС: расходы на комплектование фонда – 2000,0 тыс. тенге, а бюджет комплектования "
        "по источникам – 2770,4 тыс. тенге."
    ]
    Finance.objects.update(spent_acquisition=Decimal("2770.4"), spent_total=Decimal("2770.4"))
    assert _results(organization, ACQUISITION_CODE) == []


def test_the_budget_is_compared_with_the_same_half_a_year_before(organization, library, period):
    before = ReportingPeriod.objects.create(organization=organization, year=2020, half=1)
    _finance(organization, period).save()  # 30.3
    assert _results(organization, CHANGE_CODE) == []  # last year unknown: no comparison
    _finance(organization, before, budget_local=Decimal("9.8"), budget_total=30).save()  # +1 %
    assert _results(organization, CHANGE_CODE) == []
    Finance.objects.filter(period=before).update(
        budget_local=Decimal("0"), budget_grants=Decimal("10"), budget_total=Decimal("10")
    )
    assert _results(organization, CHANGE_CODE) == [
        "ЦБС: бюджет – 30,3 тыс. тенге, год назад за тот же период – 10,0 тыс. тенге (+203 %)."
    ]


# --- The demo's annual report -------------------------------------------------------------


@pytest.fixture(scope="module")
def year_reports(_demo_loaded, django_db_blocker):
    """The demo's 2021 report as the tests' demo has it (the first half only), then in ru
    and kk with the demo's second half of these rows (load_demo --second-half's)."""
    with django_db_blocker.unblock():
        demo = Organization.objects.get(code="balkhash")
        span = span_parse(demo, "2021")
        reports = {"first_half": report_build(organization=demo, span=span)}
        demo_management_load(demo, second_half=True)
        for language in ("ru", "kk"):
            reports[language] = report_build(organization=demo, span=span, language=language)
        return reports


def test_a_year_with_one_half_entered_says_so(year_reports):
    methodical = year_reports["first_half"].section("methodical_work")
    consultations = _rows(methodical.tables()[0])
    assert consultations["Всего консультаций"] == [46, "нет данных", "46 (по 1 из 2 полугодий)"]
    finance = year_reports["first_half"].section("finance")
    budget = _rows(finance.tables()[0])
    assert budget["Всего"] == [42732.6, "нет данных", "42732,6 (по 1 из 2 полугодий)"]
    texts = [b.text for b in finance.blocks if b.kind == "paragraph"]
    assert "Доходы от платных услуг: 455,3 тыс. тенге (по 1 из 2 полугодий)." in texts
    assert "Ремонт в 2021 году проведён в 0 библиотеках: капитальный – 0, текущий – 0." in texts


def _rows(table):
    return {row.cells[0]: row.cells[1:] for row in table.rows}


def _add_up(table):
    """Every column of the data rows adds up to the total row; the year is its halves."""
    data = [row.cells for row in table.rows if row.kind == "data"]
    (total,) = [row.cells for row in table.rows if row.kind == "total"]
    for column in (1, 2, 3):
        assert sum(cells[column] for cells in data) == pytest.approx(total[column])
    for cells in [*data, total]:
        assert cells[1] + cells[2] == pytest.approx(cells[3])


def test_the_year_report_has_the_methodical_work_and_finance_that_add_up(year_reports):
    report = year_reports["ru"]
    methodical = report.section("methodical_work")
    consultations, forms, training = methodical.tables()
    _add_up(consultations)
    assert _rows(consultations)["Всего консультаций"] == [46, 52, 98]
    assert _rows(forms)["Методические выезды в библиотеки"] == [14, 18, 32]
    assert _rows(training)["Работников аттестовано, чел."] == [3, 4, 7]
    finance = report.section("finance")
    budget, spent, acquisition, condition, equipment = finance.tables()
    _add_up(budget)
    _add_up(spent)
    # The spending on acquisition is the acquisition budget, printed beside.
    assert _rows(spent)["Комплектование фонда"][2] == _rows(acquisition)["Всего"][0]
    texts = [b.text for b in finance.blocks if b.kind == "paragraph"]
    assert "Доходы от платных услуг: 1045,3 тыс. тенге." in texts
    assert "Ремонт в 2021 году проведён в 2 библиотеках: капитальный – 0, текущий – 2." in texts
    assert len(condition.rows) == 9
    assert _rows(condition)["ф№3"] == ["требует капитального ремонта", "2008, текущий"]
    totals = _rows(equipment)["Всего по ЦБС"]
    assert totals[:3] == ["8 из 9", "3 из 9", "5 из 9"]
    data = [row.cells for row in equipment.rows if row.kind == "data"]
    assert totals[3:] == [sum(c[4] for c in data), sum(c[5] for c in data)]
    assert all(c[5] <= c[4] for c in data)  # with the Internet within all computers


def test_the_kazakh_year_report_says_the_same(year_reports):
    kk = year_reports["kk"]
    assert kk.section("methodical_work").title == str(kk.section("methodical_work").title)
    consultations = kk.section("methodical_work").tables()[0]
    assert consultations.header[0][1].text == "1-жартыжылдық"
    assert _rows(consultations)["Барлық консультациялар"] == [46, 52, 98]
    finance = kk.section("finance")
    assert finance.tables()[0].title == "ОКЖ-нің қаржыландыру көздері бойынша бюджеті, мың теңге"
    assert finance.tables()[3].rows[4].cells[1] == "күрделі жөндеуді қажет етеді"  # ф№3
    ru_checks = {n.text for n in year_reports["ru"].notes}
    assert not any("комплектование фонда –" in text for text in ru_checks)


def test_the_annex_prints_the_premises_staff_and_finance_the_report_prints(
    year_reports, django_db_blocker
):
    with django_db_blocker.unblock():
        demo = Organization.objects.get(code="balkhash")
        annex = annex_build(
            layout=annex_layout("common_6nk_kz"), organization=demo, span=span_parse(demo, "2021")
        )
    titles = [section.title for section in annex.sections]
    premises = annex.sections[titles.index("9. Помещения и оборудование (на конец периода)")]
    staff = annex.sections[
        titles.index("10. Кадры: образование, возраст, стаж (на конец периода), чел.")
    ]
    finance = annex.sections[titles.index("11. Финансирование, тыс. тенге")]
    report = year_reports["ru"]
    equipment = report.section("finance").tables()[4]
    # Computers and those with the Internet: the report's totals; capital repair: ф№3, ф№6.
    (total,) = [row.cells for row in premises.tables()[0].rows if row.kind == "total"]
    assert total[4:7] == _rows(equipment)["Всего по ЦБС"][3:5] + [2]
    assert total[7:10] == [8, 3, 5]  # fire and security alarms, accessible
    (staff_total,) = [row.cells for row in staff.tables()[0].rows if row.kind == "total"]
    network_staff = report.section("network").tables()[-1]
    assert staff_total[1] == _rows(network_staff)["Всего по ЦБС"][0]
    assert sum(staff_total[4:7]) <= staff_total[1] and sum(staff_total[7:10]) <= staff_total[1]
    money = _rows(finance.tables()[0])
    budget = _rows(report.section("finance").tables()[0])
    assert money["Бюджет — всего"] == [budget["Всего"][2]] == [89186.0]
    assert money["Доходы от платных услуг"] == [1045.3]


def test_a_figure_of_the_whole_cbs_is_unknown_in_a_librarys_cell():
    layout_values = {ORGANIZATION_KEY: {"finance_budget_total": Value(10.5, True)}}
    entry = Entry(ru="Бюджет", kk="Бюджет", terms=(Term("finance_budget_total"),))
    own = [layout_values[ORGANIZATION_KEY]]  # the ЦБС's cell counts its own figures
    assert _cell(entry, [1, 2], layout_values, own) == 10.5  # once, not per library
    assert _cell(entry, [1], layout_values, []) == "нет данных"
