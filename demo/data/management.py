"""Illustrative figures of the ЦБС's methodical work, finance and the libraries' premises
for 2021 (issue 27): the seed has none of them. Invented to look like a city ЦБС's, the
same at every load; each row's note says they are illustrative.

The second half's rows and its repairs are written with the demo's second half only
(load_demo --second-half). The spending on acquisition is each half's acquisition budget
(`holdings.AcquisitionBudget`; the second half, which the seed has none for, gets an
illustrative one), so the finance check finds nothing to say about the demo.
"""

import datetime
from decimal import Decimal

from django.db.models import Sum

from branches.models import Library, Organization, ReportingPeriod
from holdings.models import AcquisitionBudget, FundingSource
from indicators.models import LibraryState
from management.models import SPENT_PARTS, Finance, MethodicalWork

NOTE = "Иллюстративные данные демо, не из отчёта-образца"

METHODICAL = {
    1: {"consultations": 46, "consultations_group": 12, "seminars": 3, "practicums": 2,
        "visits": 14, "publications": 4, "courses": 2, "trained": 5, "certified": 3},
    2: {"consultations": 52, "consultations_group": 15, "seminars": 4, "practicums": 3,
        "visits": 18, "publications": 6, "courses": 3, "trained": 7, "certified": 4},
}  # fmt: skip

# Thousand tenge. The acquisition's share comes from the acquisition budget; «прочие»
# take what the listed purposes leave of the spending's total.
BUDGET = {
    1: {"budget_local": "41850.0", "budget_paid": "412.6", "budget_sponsorship": "350.0",
        "budget_grants": "0", "budget_other": "120.0"},
    2: {"budget_local": "44120.0", "budget_paid": "538.4", "budget_sponsorship": "200.0",
        "budget_grants": "1500.0", "budget_other": "95.0"},
}  # fmt: skip
SPENT = {
    1: {"spent_salaries": "33610.2", "spent_subscriptions": "1240.0", "spent_repairs": "1850.0",
        "spent_equipment": "980.5", "spent_events": "410.0", "spent_total": "41990.0"},
    2: {"spent_salaries": "35240.8", "spent_subscriptions": "1410.0", "spent_repairs": "2350.0",
        "spent_equipment": "1720.0", "spent_events": "640.0", "spent_total": "45870.0"},
}  # fmt: skip
# The acquisition budget of a half the seed has none for (written as its budget row).
ACQUISITION = {1: Decimal("2770.4"), 2: Decimal("3100.0")}
TENTH = Decimal("0.1")
PAID_INCOME = {1: Decimal("455.3"), 2: Decimal("590.0")}

# Each library's premises: condition, last repair (year, kind) before 2021, fire alarm,
# security alarm, accessibility, computers without Internet; and a repair done in 2021
# (then a state from that day on says so).
PREMISES = {
    "cgb": ("satisfactory", (2018, "capital"), "yes", "yes", "yes", 0, None),
    "cgdb": ("current_repair", (2015, "current"), "yes", "yes", "yes", 0, (9, "current")),
    "f1": ("current_repair", (2012, "current"), "yes", "no", "no", 1, None),
    "f2": ("satisfactory", (2019, "current"), "yes", "no", "yes", 0, None),
    "f3": ("capital_repair", (2008, "current"), "yes", "no", "no", 1, None),
    "f4": ("satisfactory", (2020, "capital"), "yes", "yes", "yes", 0, None),
    "f5": ("current_repair", (2014, "current"), "no", "no", "no", 1, (8, "current")),
    "f6": ("capital_repair", (2006, "current"), "yes", "no", "no", 1, None),
    "f7": ("satisfactory", (2017, "current"), "yes", "no", "yes", 0, None),
}


def _save(model, key: dict, values: dict) -> None:
    obj = model.objects.filter(**key).first() or model(**key)
    if obj.pk and all(getattr(obj, name) == value for name, value in values.items()):
        return
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()


def _finance(org: Organization, period: ReportingPeriod) -> dict:
    half = period.half
    budget = {name: Decimal(value) for name, value in BUDGET[half].items()}
    spent = {name: Decimal(value) for name, value in SPENT[half].items()}
    planned = AcquisitionBudget.objects.filter(organization=org, period=period).aggregate(
        total=Sum("amount")
    )["total"]
    if planned is None:  # the second half: the seed has no budget of its own for it
        source = FundingSource.objects.get(code="local-budget")
        _save(AcquisitionBudget, {"organization": org, "period": period, "source": source},
              {"amount": ACQUISITION[half], "note": NOTE})  # fmt: skip
        planned = ACQUISITION[half]
    # SQLite sums decimals as floats: back to the field's one decimal place.
    spent["spent_acquisition"] = Decimal(planned).quantize(TENTH)
    listed = sum((spent.get(name, Decimal(0)) for name in SPENT_PARTS), Decimal(0))
    spent["spent_other"] = spent["spent_total"] - listed
    return {
        **budget,
        "budget_total": sum(budget.values(), Decimal(0)),
        **spent,
        "paid_income": PAID_INCOME[half],
        "note": NOTE,
    }


def _premises(org: Organization, *, repairs: bool) -> None:
    for library in Library.objects.filter(organization=org, code__in=PREMISES):
        condition, (year, kind), fire, security, accessible, offline, repair = PREMISES[
            library.code
        ]
        state = LibraryState.objects.filter(library=library, date=datetime.date(2021, 1, 1)).first()
        if state is None:
            continue
        values = {
            "computers_internet": max(0, state.computers - offline),
            "condition": condition,
            "last_repair_year": year,
            "last_repair_kind": kind,
            "fire_alarm": fire,
            "security_alarm": security,
            "accessible": accessible,
        }
        _save(LibraryState, {"library": library, "date": state.date}, values)
        if repairs and repair is not None:
            month, repaired = repair
            copied = {
                field.name: getattr(state, field.name)
                for field in LibraryState._meta.concrete_fields
                if field.name not in ("id", "library", "date")
            }
            copied.update(values, condition="satisfactory", last_repair_year=2021)
            copied.update(last_repair_kind=repaired, note=NOTE)
            _save(LibraryState, {"library": library, "date": datetime.date(2021, month, 1)}, copied)


def demo_management_load(org: Organization, *, second_half: bool = False) -> None:
    """The first half of 2021 and the premises at 01.01.2021; with `second_half` (load_demo
    --second-half) the second half's rows and repairs too, so that a bare load keeps the
    first half the demo's latest half-year with data."""
    halves = (1, 2) if second_half else (1,)
    for period in ReportingPeriod.objects.filter(organization=org, year=2021, half__in=halves):
        _save(MethodicalWork, {"organization": org, "period": period},
              {**METHODICAL[period.half], "note": NOTE})  # fmt: skip
        _save(Finance, {"organization": org, "period": period}, _finance(org, period))
    _premises(org, repairs=second_half)
