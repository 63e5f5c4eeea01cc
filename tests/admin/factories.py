"""One row builder per kind of data (`branches.kinds`), for the tests.

`make_row(model, library=..., period=...)` builds a saved row that belongs to
`library` (or to its organization for organization-wide rows); pick lists get
a fresh, unused item so deleting it is possible. A kind without a builder here
fails `tests/branches/test_kinds.py`.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from branches.kinds import KINDS, LIBRARY, LIBRARY_PLAN, PICK_LIST, kind_for
from branches.models import Library

DAY = datetime.date(2021, 3, 15)


def _first(label):
    from django.apps import apps

    return apps.get_model(label).objects.order_by("order").first()


def _list_item(model_label):
    def build(library, period, n):
        from django.apps import apps

        return apps.get_model(model_label).objects.create(
            code=f"test-item-{n}", name_ru=f"Тестовое значение {n}"
        )

    return build


def _staff(library, period, n):
    from branches.models import StaffProfile

    user = get_user_model().objects.create_user(username=f"staff-{library.code}-{n}")
    return StaffProfile.objects.create(
        user=user, organization=library.organization, library=library
    )


def _report(library, period, n):
    from reports.models import Report

    return Report.objects.get_or_create(organization=library.organization, period=period)[0]


def _section_text(library, period, n):
    from reports.models import SectionText

    return SectionText.objects.create(
        report=_report(library, period, n), section="resources", text_ru=f"Текст {n}"
    )


def _social_page(library, period, n):
    return {
        "organization": library.organization,
        "platform": _first("branches.Platform"),
        "url": f"https://instagram.com/{library.code}-{n}",
    }


# {kind code: fields of a row, or a builder of the saved row}: (library, period, n) -> ...
BUILDERS = {
    "organizations": lambda library, period, n: library.organization,
    "libraries": lambda library, period, n: library,
    "periods": lambda library, period, n: period,
    "staff": _staff,
    "reports": _report,
    "section_texts": _section_text,
    "social_pages": _social_page,
    "budget": lambda library, period, n: {
        "period": period,
        "source": _first("holdings.FundingSource"),
        "amount": Decimal("10.5"),
    },
    "digitization_plan": lambda library, period, n: {
        "period": period,
        "kind": _first("digitization.DocumentKind"),
        "planned": 5,
    },
    "receipts": lambda library, period, n: {
        "date": DAY,
        "source": _first("holdings.FundingSource"),
        "copies": 10,
    },
    "writeoffs": lambda library, period, n: {
        "date": DAY,
        "reason": _first("holdings.WriteOffReason"),
        "copies": 0,
    },
    "fund_snapshots": lambda library, period, n: {
        "date": DAY + datetime.timedelta(days=n),
        "copies": 100,
    },
    "catalogue": lambda library, period, n: {
        "date": DAY + datetime.timedelta(days=n),
        "database": _first("catalogue.CatalogueDatabase"),
        "records": 1000,
    },
    "virtual_references": lambda library, period, n: {"period": period, "count": 48},
    "digitized": lambda library, period, n: {
        "date": DAY,
        "kind": _first("digitization.DocumentKind"),
        "title": f"Моя лирика {n}",
        "pages": 216,
    },
    "publications": lambda library, period, n: {
        "date": DAY,
        "kind": _first("publications.PublicationKind"),
        "title": f"Кел оқиық {n}",
        "year": 2021,
    },
    "media": lambda library, period, n: {"date": DAY, "title": f"Статья о библиотеке {n}"},
    "media_totals": lambda library, period, n: {"period": period, "mentions": 14},
    "events": lambda library, period, n: {
        "date": DAY,
        "title": f"Час поэзии {n}",
        "form": _first("events.EventForm"),
    },
    "online": lambda library, period, n: {"period": period, "online_events": 183},
    "fund_structure": lambda library, period, n: {
        "period": period,
        "total": 1000,
        "books": 900,
        "periodicals": 100,
        "kazakh": 600,
        "russian": 400,
    },
    "fund_branches": lambda library, period, n: {
        "period": period,
        "branch": _first("collection.KnowledgeBranch"),
        "copies": 300,
    },
    "subscriptions": lambda library, period, n: {"period": period, "titles": 12, "copies": 20},
    "user_groups": lambda library, period, n: {
        "period": period,
        "total": 50,
        "children": 20,
        "youth": 10,
        "adults": 20,
    },
    "outreach": lambda library, period, n: {"period": period, "mobile_trips": 4},
    "reference_work": lambda library, period, n: {
        "period": period,
        "thematic": 10,
        "factual": 20,
        "address": 5,
        "clarifying": 3,
        "references": 38,
        "remote": 12,
        "ill_received": 2,
    },
    "clubs": lambda library, period, n: {
        "period": period,
        "name_ru": f"Клуб «Собеседник» {n}",
        "members": 15,
        "meetings": 6,
    },
    "recognitions": lambda library, period, n: {
        "date": DAY,
        "kind": "partner",
        "name_ru": f"Городской акимат {n}",
    },
    "work_log": lambda library, period, n: {"date": DAY + datetime.timedelta(days=n), "visits": 20},
    "indicator_plans": lambda library, period, n: {"year": 2021 + n, "visits": 1000},
    "library_states": lambda library, period, n: {
        "date": DAY + datetime.timedelta(days=n),
        "population": 900,
    },
    "staff_states": lambda library, period, n: {
        "date": DAY + datetime.timedelta(days=n),
        "persons": 3,
    },
    "methodical_work": lambda library, period, n: {
        "period": period,
        "consultations": 12,
        "consultations_group": 4,
        "seminars": 2,
    },
    "finance": lambda library, period, n: {
        "period": period,
        "budget_local": Decimal("1200.5"),
        "budget_paid": Decimal("30.2"),
        "budget_total": Decimal("1230.7"),
        "spent_salaries": Decimal("900.1"),
        "spent_acquisition": Decimal("300.3"),
        "spent_total": Decimal("1200.4"),
    },
}
for _kind in KINDS:
    if _kind.rights is PICK_LIST:
        BUILDERS.setdefault(_kind.code, _list_item(_kind.model))


def make_row(model, *, library: Library, period, n: int = 1, **values):
    """A saved row of `model` belonging to `library` (n varies unique fields; `values`
    set fields outright, e.g. a date, so the row is never saved with another first)."""
    kind = kind_for(model)
    built = BUILDERS[kind.code](library, period, n)
    if not isinstance(built, dict):
        return built
    fields = {"library": library} if kind.owner == LIBRARY else {}
    if any(f.name == "organization" for f in model._meta.concrete_fields):
        fields["organization"] = library.organization
    fields.update(built)
    fields.update(values)
    return model.objects.create(**fields)


# The admin tests' groups of models, from the registry (the data apps only: the
# report's own pages have tests of their own).
_DATA = [k for k in KINDS if k.app_label != "reports"]
LIBRARY_FACTS = [
    k.model_class for k in _DATA if k.owner == LIBRARY and k.rights is not LIBRARY_PLAN
]
# A library's rows the methodologist keeps (plans): its librarian only reads them.
LIBRARY_PLANS = [k.model_class for k in _DATA if k.rights is LIBRARY_PLAN]
LISTS = [k.model_class for k in _DATA if k.rights is PICK_LIST]
ORGANIZATION_ROWS = [
    k.model_class
    for k in _DATA
    if k.owner != LIBRARY
    and k.rights is not PICK_LIST
    and k.code not in ("organizations", "libraries", "periods")
]
ALL_MODELS = [k.model_class for k in _DATA]
