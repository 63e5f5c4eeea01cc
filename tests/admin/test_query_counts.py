"""No admin page runs more queries because there are more rows.

Every page a librarian or the methodologist opens in `/admin/`, for every model
registered there: the list (as it opens, with each filter applied and by date),
a row's change page (a row with children: an event with platforms and
initiatives, a library with social pages, the organization with its libraries
and periods), the add page, the row's history, the import page, the export and
the autocompletes. Each is measured with 3 rows per library and again with 7
(and as many more libraries, periods, list values, children and versions); the
counts must be equal (a query run once per row, or per any of those, shows as 4
more). A model registered later is measured the same way: the cases come from
the admin's registry and the roles' permissions.

The dashboard and the report builder have their own fixed-count tests
(tests/dashboard/test_pages.py, tests/reports/test_builder_spans.py and
test_key_figures.py).
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from branches.kinds import role_permissions
from branches.models import (
    Library,
    Organization,
    Platform,
    ReportingPeriod,
    SocialPage,
    StaffProfile,
)
from branches.scoping import LIBRARIAN, METHODOLOGIST, lookups_for
from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from collection.models import (
    FundBranchCopies,
    FundStructure,
    OutreachService,
    Subscription,
    UserGroups,
)
from dataio.schema import SHEET_BY_MODEL
from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind
from events.models import Audience, Direction, Event, EventForm, Initiative, OnlineFigures
from holdings.models import (
    AcquisitionBudget,
    FundingSource,
    FundSnapshot,
    Receipt,
    WriteOff,
    WriteOffReason,
)
from indicators.models import IndicatorPlan, LibraryState, StaffState, WorkLogEntry
from management.models import Finance, MethodicalWork
from publications.models import MediaMention, MediaMentionTotal, Publication, PublicationKind
from reports.models import Report, SectionText
from services.models import Audience as ClubAudience
from services.models import ClubWork, Recognition, ReferenceWork
from tests.admin.factories import LIBRARY_FACTS, LISTS, make_row
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

# The counts are exact, so 3 against 7 proves «no more queries with more rows» as well as
# 3 against 40 did, with a fraction of the rows to write. Not fewer than 3: the report's page
# reads the half-years before its own, and with 2 the same half a year back is not there yet.
SMALL, LARGE = 3, 7
ROLES = {"methodologist": METHODOLOGIST, "librarian": LIBRARIAN}


# --- the cases: every page of every registered model each role may open ---------


def _permissions(role: str) -> set[str]:
    """'app_label.codename' of every permission the role's group holds."""
    return {f"{app_label}.{codename}" for app_label, codename in role_permissions()[role]}


def _filters(model_admin, role: str) -> list[str]:
    """The list's filters the role sees (a librarian has no library filter), and the dates."""
    names = []
    for list_filter in model_admin.list_filter:
        if isinstance(list_filter, tuple | list):
            names.append(list_filter[0])
        elif isinstance(list_filter, str):
            names.append(list_filter)
        else:
            names.append(list_filter.parameter_name)
    if role == LIBRARIAN:
        names = [name for name in names if name != "library"]
    if model_admin.date_hierarchy:
        names.append(model_admin.date_hierarchy)
    return names


def _pages(model, model_admin, role: str) -> list[str]:
    opts, perms = model._meta, _permissions(role)
    may = {a: f"{opts.app_label}.{a}_{opts.model_name}" in perms for a in ("view", "add")}
    if not may["view"]:
        return []
    pages = ["changelist", *(f"filter:{name}" for name in _filters(model_admin, role))]
    pages += ["change", "history", *(f"autocomplete:{n}" for n in model_admin.autocomplete_fields)]
    if may["add"]:
        pages.append("add")
    sheet = SHEET_BY_MODEL.get(model)
    if sheet is not None and sheet.in_admin:
        library_lookup, _organization = lookups_for(model)
        if may["add"] and not (role == LIBRARIAN and library_lookup is None):
            pages.append("import")
        pages.append("export")
    return pages


CASES = [
    pytest.param(model, role, page, id=f"{model._meta.label_lower}-{who}-{page}")
    for model, model_admin in admin.site._registry.items()
    for who, role in ROLES.items()
    for page in _pages(model, model_admin, role)
]


def test_every_admin_page_runs_as_many_queries_with_more_rows(measured):
    """One test for every page (the cases), so the pages are opened once, not once per
    xdist worker that runs some of them; a failure names each page that failed and why."""
    failures = [f"{case}: {problem}" for case, problem in _problems(measured)]
    assert not failures, f"{len(failures)} of {len(CASES)} pages:\n\n" + "\n\n".join(failures)


def _problems(measured: dict) -> list[tuple[str, str]]:
    """(case id, what is wrong) for each page whose statuses, rows or counts fail."""
    problems = []
    for param in CASES:
        _model, _role, page = param.values
        small, large = measured[param.id]
        if (small.status, large.status) != (200, 200):
            problems.append((param.id, f"status {small.status} and {large.status}, not 200"))
        elif page.startswith("filter:") and not large.rows:
            # One choice may show as few rows with more data (a value per row); what a
            # filter adds is its choices, which grow. The list itself grows unfiltered.
            problems.append(
                (param.id, "the filter's choice shows no row: give the data builder one")
            )
        elif large.count != small.count:
            problems.append((param.id, _growth(small, large)))
    return problems


def test_the_cases_cover_every_data_model_for_both_roles():
    """A model left out (no permission for a role, say) would be measured for nobody."""
    measured_models = {(p.values[0], p.values[1]) for p in CASES}
    for model in [*LIBRARY_FACTS, *LISTS, Library, ReportingPeriod]:
        assert {(model, METHODOLOGIST), (model, LIBRARIAN)} <= measured_models, model
    for model in [Organization, StaffProfile, AcquisitionBudget, DigitizationPlan, Report]:
        assert (model, METHODOLOGIST) in measured_models, model
    pages = {p.values[2] for p in CASES if p.values[0] is Event}
    assert {"filter:platforms", "filter:initiatives", "filter:audiences"} <= pages
    assert "autocomplete:platforms" in pages


def test_a_version_in_the_history_is_named_as_the_row_was(client, methodologist, row_of):
    """The history names each version with the related rows fetched with it, not now's."""
    receipt = row_of(Receipt)
    first_source = receipt.source
    receipt.source = FundingSource.objects.exclude(pk=first_source.pk).first()
    receipt._history_user = methodologist
    receipt.save()
    client.force_login(methodologist)
    page = client.get(reverse("admin:holdings_receipt_history", args=[receipt.pk]))
    [newer, older] = page.context["page_obj"]
    assert f"({receipt.source})" in str(newer.history_object)
    assert f"({first_source})" in str(older.history_object)
    assert f"({first_source})" in page.content.decode()


# --- the data: grown from SMALL to LARGE rows per library -----------------------


@dataclass
class Data:
    organization: Organization
    libraries: list[Library]  # the two libraries with rows; the librarian's first
    users: list = field(default_factory=list)  # who saves the opened rows' versions
    opened: dict = field(default_factory=dict)  # model -> the row whose pages are opened
    filter_queries: dict = field(default_factory=dict)  # case id -> the filter's choice
    size: int = 0


def _pick(items: list, i: int):
    """Row i's list value: every value in turn, so the first filter choice has rows."""
    return items[i % len(items)]


def _period(organization, i: int) -> ReportingPeriod:
    """Half-year i counting back from 2021-H1 (the period filter's first choice)."""
    year, half = 2021 - (i + 1) // 2, 1 if i % 2 == 0 else 2
    period, _created = ReportingPeriod.objects.get_or_create(
        organization=organization, year=year, half=half
    )
    return period


def _grow(data: Data, size: int) -> None:
    """Add the rows numbered data.size..size-1 of every kind."""
    start, org = data.size, data.organization
    for model in LISTS:
        for i in range(start, size):
            model.objects.create(code=f"q-{i}", name_ru=f"Значение {i}", order=100 + i)
    lists = {model: list(model.objects.all()) for model in LISTS}
    for i in range(start, size):
        period = _period(org, i)
        branch = Library.objects.create(
            organization=org, code=f"q{i}", kind="branch", number=10 + i, short_name=f"ф№{10 + i}"
        )
        user = make_user(get_user_model(), f"q-{i}", LIBRARIAN, org, data.libraries[i % 2])
        data.users.append(user)
        AcquisitionBudget.objects.create(
            organization=org, period=period, source=_pick(lists[FundingSource], i), amount=i
        )
        DigitizationPlan.objects.create(
            organization=org, period=period, kind=_pick(lists[DocumentKind], i), planned=i
        )
        Report.objects.create(organization=org, period=period)
        # The ЦБС's own rows of issue 27 (management): through their test factories.
        for model in (Finance, MethodicalWork):
            make_row(model, library=data.libraries[0], period=period, n=i)
        for library in data.libraries:
            IndicatorPlan.objects.create(
                library=library, year=2060 - i, half=_pick([1, 2, None], i), visits=i
            )
        for library in data.libraries:
            _library_rows(library, period, lists, i)
        # More libraries with rows: the library filters offer more choices.
        _library_rows(branch, _period(org, 0), lists, i)
    if not data.opened:
        data.opened = _rows_to_open(data, lists)
    _children_add(data, lists, start, size)
    _versions_add(data, lists, start, size)
    data.size = size


CLUB_AUDIENCES = ClubAudience.values


def _library_rows(library: Library, period: ReportingPeriod, lists: dict, i: int) -> None:
    # In 2021-H1, 9 days apart: the 3 rows' dates in one month, the 7 rows' in two.
    day = datetime.date(2021, 1, 1) + datetime.timedelta(days=9 * i)
    platform = _pick(lists[Platform], i)
    SocialPage.objects.create(
        organization=library.organization,
        library=library,
        platform=platform,
        url=f"https://vk.com/{library.code}-{i}",
    )
    Receipt.objects.create(
        library=library, date=day, source=_pick(lists[FundingSource], i), copies=10, copies_kk=1
    )
    WriteOff.objects.create(
        library=library, date=day, reason=_pick(lists[WriteOffReason], i), copies=2, act_number=i
    )
    FundSnapshot.objects.create(
        library=library, date=day, kind=_pick(FundSnapshot.Kind.values, i), copies=1000
    )
    RecordCount.objects.create(
        library=library, database=_pick(lists[CatalogueDatabase], i), date=day, records=i
    )
    VirtualReferences.objects.create(library=library, period=period, count=i)
    DigitizedDocument.objects.create(
        library=library, date=day, kind=_pick(lists[DocumentKind], i), title=f"Книга {i}",
        author=f"Автор {i}", publisher="Фолиант", year=2000 + i, pages=100,
    )  # fmt: skip
    Publication.objects.create(
        library=library, date=day, kind=_pick(lists[PublicationKind], i), title=f"Буклет {i}",
        language=_pick(Publication.Language.values, i), year=2021, pages=12, compilers="А.Бекова",
    )  # fmt: skip
    MediaMention.objects.create(
        library=library, date=day, title=f"Статья {i}", outlet="Северное Прибалхашье",
        kind=_pick(MediaMention.Kind.values, i), by_librarian=i % 2 == 0,
    )  # fmt: skip
    MediaMentionTotal.objects.create(library=library, period=period, mentions=i)
    event = Event.objects.create(
        library=library, date=day, title=f"Событие {i}", form=_pick(lists[EventForm], i),
        is_online=i % 2 == 0, highlight=_pick(Event.Highlight.values, i + 1), participants=i,
        direction=_pick(Direction.values, i),
    )  # fmt: skip
    event.platforms.add(platform, _pick(lists[Platform], i + 1))
    event.initiatives.add(_pick(lists[Initiative], i), _pick(lists[Initiative], i + 1))
    event.audiences.add(_pick(lists[Audience], i), _pick(lists[Audience], i + 1))
    OnlineFigures.objects.create(library=library, period=period, platform=platform, views=i)
    WorkLogEntry.objects.create(
        library=library, date=day, span=_pick(WorkLogEntry.Span.values, i), visits=i, loans=i
    )
    LibraryState.objects.create(
        library=library, date=day, settlement=_pick(LibraryState.Settlement.values, i)
    )
    StaffState.objects.create(library=library, date=day, persons=i)
    ReferenceWork.objects.create(
        library=library, period=period, thematic=i, factual=1, references=i + 1, remote=1
    )
    ClubWork.objects.create(
        library=library, period=period, name_ru=f"Клуб {i}", audience=_pick(CLUB_AUDIENCES, i)
    )
    Recognition.objects.create(
        library=library, date=day, kind=_pick(Recognition.Kind.values, i), name_ru=f"Партнёр {i}"
    )
    # The collection's kinds (issue 27), through their test factories.
    for model in (FundStructure, FundBranchCopies, Subscription, UserGroups, OutreachService):
        make_row(model, library=library, period=period, n=i)


def _rows_to_open(data: Data, lists: dict) -> dict:
    """The librarian's library's first row of each kind, the first list value..."""
    library = data.libraries[0]
    rows = {
        model: model.objects.filter(library=library).order_by("pk").first()
        for model in LIBRARY_FACTS
    }
    rows.update({model: lists[model][0] for model in LISTS})
    period = _period(data.organization, 0)
    rows.update(
        {
            Organization: data.organization,
            Library: library,
            ReportingPeriod: period,
            StaffProfile: StaffProfile.objects.get(user=data.users[0]),
            AcquisitionBudget: AcquisitionBudget.objects.filter(period=period).get(),
            DigitizationPlan: DigitizationPlan.objects.filter(period=period).get(),
            Report: Report.objects.get(period=period),
            Finance: Finance.objects.filter(period=period).get(),
            MethodicalWork: MethodicalWork.objects.filter(period=period).get(),
            IndicatorPlan: IndicatorPlan.objects.filter(library=library).order_by("pk").first(),
        }
    )
    return rows


def _children_add(data: Data, lists: dict, start: int, size: int) -> None:
    """The opened event gets more platforms, initiatives and audiences, the report more texts
    (the library more social pages and the organization more libraries and
    periods come with the other rows)."""
    event = data.opened[Event]
    event.platforms.add(*lists[Platform][start:size])
    event.initiatives.add(*lists[Initiative][start:size])
    event.audiences.add(*lists[Audience][start:size])
    sections = [value for value, _label in SectionText._meta.get_field("section").choices]
    for section in sections[start:size]:
        SectionText.objects.create(report=data.opened[Report], section=section, text_ru="Текст")


def _versions_add(data: Data, lists: dict, start: int, size: int) -> None:
    """Versions of each opened row, each by another user, changing its list values."""
    report_type = ContentType.objects.get_for_model(Report)
    for i in range(start, size):
        user = data.users[i]
        for model, row in data.opened.items():
            if model is Report:  # a plain ModelAdmin: its history is the admin log
                LogEntry.objects.create(
                    user=user, content_type=report_type, object_id=str(row.pk),
                    object_repr=str(row), action_flag=CHANGE, change_message="[]",
                )  # fmt: skip
                continue
            for f in model._meta.concrete_fields:
                if f.is_relation and f.related_model in lists:
                    setattr(row, f.name, _pick(lists[f.related_model], i))
            row._history_user = user
            row.save()


# --- measuring -------------------------------------------------------------------


@dataclass
class Measure:
    status: int
    count: int
    sql: list[str]
    rows: int | None = None  # the rows a filtered list shows


def _url(model, page: str, data: Data, case: str) -> str:
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    row = data.opened[model]
    kind, _colon, detail = page.partition(":")
    if kind in ("change", "history"):
        return reverse(f"{name}_{kind}", args=[row.pk])
    if kind == "autocomplete":
        info = model._meta.app_label, model._meta.model_name
        return (
            reverse("admin:autocomplete")
            + "?app_label={}&model_name={}".format(*info)
            + (f"&field_name={detail}&term=")
        )
    if kind == "filter":
        return reverse(f"{name}_changelist") + data.filter_queries[case]
    return reverse(f"{name}_{kind}")


def _filter_query(model, name: str, user) -> str:
    """The query string of the filter's first choice that shows rows."""
    model_admin = admin.site._registry[model]
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    def changelist_of(query: str = ""):
        request = RequestFactory().get(changelist + query)
        request.user = user
        return model_admin.get_changelist_instance(request)

    if name == model_admin.date_hierarchy:
        return f"?{name}__year=2021"
    cl = changelist_of()
    [spec] = [s for s in cl.filter_specs if _filter_name(s) == name]
    queries = [choice["query_string"] for choice in spec.choices(cl) if not choice["selected"]]
    return next((q for q in queries if changelist_of(q).result_count), queries[0])


def _filter_name(spec) -> str:
    """A field's filter by its field, a filter of our own by its parameter."""
    return getattr(spec, "field_path", None) or spec.parameter_name


def _measure(client: Client, model, page: str, data: Data, case: str) -> Measure:
    url = _url(model, page, data, case)
    connection.queries_log.clear()  # a full log (9000 statements) would count none
    with CaptureQueriesContext(connection) as captured:
        if page == "export":
            response = client.post(url, {"format": "0", "resource": "0"})
        else:
            response = client.get(url)
    rows = response.context["cl"].result_count if page.startswith("filter:") else None
    return Measure(response.status_code, len(captured), [q["sql"] for q in captured], rows)


@pytest.fixture
def measured(django_db_setup, django_db_blocker):
    """{case id: (Measure with SMALL rows, Measure with LARGE)}; the data is rolled back."""
    with django_db_blocker.unblock(), translation.override("ru"), transaction.atomic():
        organization = Organization.objects.create(
            code="q-cbs", name_ru="Тестовая ЦБС", short_name="ЦБС", city_ru="Балхаш"
        )
        libraries = [
            Library.objects.create(organization=organization, code=code, kind=kind, short_name=name)
            for code, kind, name in (("cgb", "central", "ЦГБ"), ("f4", "branch", "ф№4"))
        ]
        data = Data(organization, libraries)
        users = {
            METHODOLOGIST: make_user(get_user_model(), "q-m", METHODOLOGIST, organization),
            LIBRARIAN: make_user(get_user_model(), "q-l", LIBRARIAN, organization, data.libraries[0]),
        }  # fmt: skip
        clients = {role: Client() for role in users}
        for role, client in clients.items():
            client.force_login(users[role])
        _grow(data, SMALL)
        for param in CASES:
            model, role, page = param.values
            if page.startswith("filter:"):
                name = page.removeprefix("filter:")
                data.filter_queries[param.id] = _filter_query(model, name, users[role])
        # The one per-process cache a page fills: content types (history, log).
        ContentType.objects.get_for_models(*admin.site._registry, get_user_model())

        def measure_all() -> dict[str, Measure]:
            return {
                p.id: _measure(clients[p.values[1]], p.values[0], p.values[2], data, p.id)
                for p in CASES
            }

        small = measure_all()
        _grow(data, LARGE)
        large = measure_all()
        yield {key: (small[key], large[key]) for key in small}
        transaction.set_rollback(True)


def _shape(sql: str) -> str:
    """A statement without its values: the same query for another row counts as the same."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


def _growth(small: Measure, large: Measure) -> str:
    """The statements that ran more often with more rows."""
    before, after = Counter(map(_shape, small.sql)), Counter(map(_shape, large.sql))
    grown = [sql for sql in after if after[sql] > before.get(sql, 0)]
    lines = [f"{small.count} queries with {SMALL} rows per library, {large.count} with {LARGE}:"]
    lines += [f"  x{after[sql]} (was x{before.get(sql, 0)}) {sql[:300]}" for sql in grown[:8]]
    return "\n".join(lines)
