"""The demo's illustrative main indicators: every library, 2020 and 2021-H1, marked as such."""

import datetime

from branches.models import Library
from demo.indicators import DAILY, NOTE, month_figures
from indicators.models import IndicatorPlan, LibraryState, StaffState, WorkLogEntry
from indicators.summary import control_summary


def test_every_library_has_its_work_log_plans_staff_and_premises(demo):
    libraries = set(Library.objects.filter(organization=demo).values_list("code", flat=True))
    for model in (WorkLogEntry, LibraryState, StaffState, IndicatorPlan):
        assert set(model.objects.values_list("library__code", flat=True)) == libraries, model
    assert set(IndicatorPlan.objects.values_list("year", flat=True)) == {2020, 2021}
    dates = WorkLogEntry.objects.values_list("date", flat=True)
    assert min(dates) == datetime.date(2020, 1, 1)
    assert max(dates) <= datetime.date(2021, 6, 30)


def test_every_row_says_it_is_illustrative(demo):
    for model in (WorkLogEntry, LibraryState, StaffState):
        assert set(model.objects.values_list("note", flat=True)) == {NOTE}, model


def test_one_library_logs_march_2021_day_by_day_and_its_days_add_up_to_the_month(demo):
    code, year, month = DAILY
    days = WorkLogEntry.objects.filter(library__code=code, date__year=year, date__month=month)
    assert days.count() > 20
    assert set(days.values_list("span", flat=True)) == {"day"}
    month_total = month_figures(code, year, month)
    for name, value in month_total.items():
        assert sum(days.values_list(name, flat=True)) == value, name
    others = WorkLogEntry.objects.exclude(library__code=code, date__year=year, date__month=month)
    assert set(others.values_list("span", flat=True)) == {"month"}


def test_the_first_half_of_2021_compares_with_plan_and_the_year_before(demo, demo_period):
    libraries = list(Library.objects.filter(organization=demo).order_by("order"))
    h1_2020 = demo.periods.get(year=2020, half=1)
    summary = control_summary(
        library_ids=[lib.pk for lib in libraries], start=demo_period.start, end=demo_period.end,
        year=2021, half=1, period_ids=[demo_period.pk], period_ids_last_year=[h1_2020.pk],
    )  # fmt: skip
    total = summary.total
    for name in ("users", "visits", "loans"):
        control = total.control(name)
        assert control.plan and control.done and control.last_year, name
        assert control.percent is not None and control.change is not None, name
    ratios = summary.rows[0].ratios  # ЦГБ keeps the ЦБС's fund ledger: its fund is known
    assert None not in (ratios.reading, ratios.attendance, ratios.turnover, ratios.coverage)
