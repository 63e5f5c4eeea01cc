"""The dashboard's figures: one adapter over the report's selectors.

Every figure on the dashboard comes from here, and every rule here is the
report's rule (SHARED_REPORT_RULES.md): fund movement from
`holdings.selectors.fund_movement`; digitization done = Sum(documents) per kind;
catalogue "before"/"now" = latest record count on or before the span's start /
the day after its end; online figures per library and period = the row without a
platform if there is one, else the sum of its platform rows; media = listed rows
+ totals. Figures are gathered per library in grouped queries, and the
organization's figures are the sum of its libraries' plus what only exists for
the whole organization (budget, digitization plan), so the per-library table
adds up to the key figures by construction.

Each function runs a fixed number of queries whatever the data size.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils.translation import get_language

from branches.models import Library, Organization
from catalogue.models import RecordCount, VirtualReferences
from dashboard.spans import Span
from digitization.models import DigitizationPlan, DigitizedDocument
from events.models import Event, OnlineFigures
from holdings.models import AcquisitionBudget, FundSnapshot, Receipt, WriteOff
from holdings.selectors import Copies, MovementRow, fund_at_start_of, fund_movement
from publications.models import MediaMention, MediaMentionTotal, Publication

# How many half-years the Kazakh-share chart goes back: a fixed number keeps the
# page's query count fixed however many years of data there are.
SHARE_HISTORY = 6


def _name(row: dict, prefix: str) -> str:
    language = (get_language() or "ru")[:2]
    if language == "kk" and row.get(f"{prefix}__name_kk"):
        return row[f"{prefix}__name_kk"]
    return row[f"{prefix}__name_ru"]


@dataclass
class Named:
    """A row of a per-kind table: a kind, a source or a catalogue database."""

    code: str
    name: str
    order: int
    planned: int | None = None  # digitization plan
    done: int = 0  # digitized documents / budget / records before
    pages: int = 0
    before: int = 0
    now: int = 0
    amount: Decimal = Decimal("0")

    @property
    def growth(self) -> int:
        return self.now - self.before


@dataclass
class Figures:
    """The figures of one span for a set of libraries (or the whole organization)."""

    fund: MovementRow
    budget: Decimal | None = None  # None: not an organization-wide view
    budget_by_source: list[Named] = field(default_factory=list)
    digitization: list[Named] = field(default_factory=list)
    digitization_planned: int | None = None
    digitized: int = 0
    digitized_pages: int = 0
    catalogue: list[Named] = field(default_factory=list)
    catalogue_before: int = 0
    catalogue_now: int = 0
    virtual_references: int = 0
    publications: int = 0
    multimedia: int = 0
    media: int = 0
    media_by_librarians: int = 0
    media_tv: int = 0
    online_events: int = 0
    subscribers: int = 0
    views: int = 0
    posts: int = 0
    events: int = 0  # events entered one by one

    @property
    def catalogue_growth(self) -> int:
        return self.catalogue_now - self.catalogue_before

    @property
    def digitization_percent(self) -> int | None:
        if not self.digitization_planned:
            return None
        return round(100 * self.digitized / self.digitization_planned)


def _conditional(span: Span, prefix: str = "") -> Q:
    return Q(**{f"{prefix}date__gte": span.start, f"{prefix}date__lte": span.end})


def _period_q(span: Span) -> Q:
    return Q(period__year=span.year, period__half__in=span.halves)


class _Gatherer:
    """Runs the grouped queries for two spans and keeps the raw rows by library."""

    def __init__(self, organization: Organization, libraries: list[Library], spans: dict):
        self.organization = organization
        self.libraries = libraries
        self.ids = [lib.pk for lib in libraries]
        self.spans = spans  # {"current": Span, "previous": Span}

    def dated_sums(self, model, sums: dict, extra: Q | None = None) -> dict:
        """{library id: {span key: {name: value}}} for a model with a date. One query."""
        earliest = min(s.start for s in self.spans.values())
        latest = max(s.end for s in self.spans.values())
        qs = model.objects.filter(library__in=self.ids, date__gte=earliest, date__lte=latest)
        if extra is not None:
            qs = qs.filter(extra)
        annotations = {}
        for key, span in self.spans.items():
            for name, expression in sums.items():
                expression = expression.copy()
                expression.filter = _conditional(span) & (expression.filter or Q())
                annotations[f"{key}__{name}"] = expression
        result: dict = defaultdict(lambda: defaultdict(dict))
        for row in qs.values("library").annotate(**annotations).order_by():
            for alias, value in row.items():
                if alias == "library":
                    continue
                key, name = alias.split("__", 1)
                result[row["library"]][key][name] = value or 0
        return result

    def period_sums(self, model, sums: dict) -> dict:
        """The same for a model that carries its period. One query."""
        qs = model.objects.filter(library__in=self.ids).filter(
            Q(*[_period_q(s) for s in self.spans.values()], _connector=Q.OR)
        )
        annotations = {}
        for key, span in self.spans.items():
            for name, expression in sums.items():
                expression = expression.copy()
                expression.filter = _period_q(span)
                annotations[f"{key}__{name}"] = expression
        result: dict = defaultdict(lambda: defaultdict(dict))
        for row in qs.values("library").annotate(**annotations).order_by():
            for alias, value in row.items():
                if alias == "library":
                    continue
                key, name = alias.split("__", 1)
                result[row["library"]][key][name] = value or 0
        return result

    def online(self) -> dict:
        """Online figures per library and span, by the report's rule. One query."""
        rows = (
            OnlineFigures.objects.filter(library__in=self.ids)
            .filter(Q(*[_period_q(s) for s in self.spans.values()], _connector=Q.OR))
            .values("library", "period__year", "period__half", total=Q(platform__isnull=True))
            .annotate(e=Sum("online_events"), s=Sum("subscribers"), v=Sum("views"), p=Sum("posts"))
            .order_by()
        )
        per_period: dict = {}
        for row in rows:
            key = (row["library"], row["period__year"], row["period__half"])
            values = (row["e"], row["s"], row["v"], row["p"])
            # The row without a platform is the library's own total: it wins.
            if row["total"] or key not in per_period:
                per_period[key] = (row["total"], values)
        result: dict = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
        for (library, year, half), (_total, values) in per_period.items():
            for span_key, span in self.spans.items():
                if span.year == year and half in span.halves:
                    sums = result[library][span_key]
                    for i, value in enumerate(values):
                        sums[i] += value or 0
        return result

    def records_at(self, day: datetime.date) -> dict:
        """{(library id, database code): records} by the latest count on or before day."""
        latest = RecordCount.objects.filter(
            library=OuterRef("library"), database=OuterRef("database"), date__lte=day
        ).order_by("-date")
        rows = (
            RecordCount.objects.filter(library__in=self.ids, date__lte=day)
            .annotate(latest=Subquery(latest.values("date")[:1]))
            .filter(date=F("latest"))
            .values(
                "library",
                "database__code",
                "database__name_ru",
                "database__name_kk",
                "database__order",
                "records",
            )
        )
        return {(r["library"], r["database__code"]): r for r in rows}


def _movement_total(rows: list[MovementRow]) -> MovementRow:
    total = MovementRow(library=None)
    for row in rows:
        total.start += row.start
        total.received += row.received
        total.written_off += row.written_off
    return total


@dataclass
class Overview:
    """Everything one dashboard page shows."""

    span: Span
    previous_span: Span
    total: Figures
    previous: Figures
    per_library: list[tuple[Library, Figures]]
    kazakh_share: list[tuple[Span, Copies]]
    completeness: list[tuple[Library, dict[str, int]]]
    organization_completeness: dict[str, int]


def overview(
    *, organization: Organization, span: Span, libraries: list[Library] | None = None
) -> Overview:
    """The figures of `span` and of the span before it, per library and in total.

    `libraries`: the libraries to show (a librarian's own); None for the whole
    organization, which adds its budget and digitization plan.
    """
    whole = libraries is None
    if whole:
        libraries = list(
            Library.objects.filter(organization=organization).order_by("order", "code")
        )
    spans = {"current": span, "previous": span.previous}
    gather = _Gatherer(organization, libraries, spans)
    library_qs = Library.objects.filter(pk__in=gather.ids)

    movements = {
        key: {
            row.library.pk: row
            for row in fund_movement(
                organization=organization, start=s.start, end=s.end, libraries=library_qs
            ).rows
        }
        for key, s in spans.items()
    }
    digitized_rows = list(
        DigitizedDocument.objects.filter(
            library__in=gather.ids,
            date__gte=spans["previous"].start,
            date__lte=span.end,
        )
        .values("library", "kind__code", "kind__name_ru", "kind__name_kk", "kind__order")
        .annotate(
            **{
                f"{key}__{name}": Sum(column, filter=_conditional(s))
                for key, s in spans.items()
                for name, column in (("documents", "documents"), ("pages", "pages"))
            }
        )
        .order_by()
    )
    records = {
        "previous_before": gather.records_at(spans["previous"].start),
        "before": gather.records_at(span.start),
        "now": gather.records_at(span.day_after),
    }
    references = gather.period_sums(VirtualReferences, {"count": Sum("count"), "rows": Count("pk")})
    publications = gather.dated_sums(
        Publication,
        {
            "print": Count("pk", filter=Q(kind__is_multimedia=False)),
            "multimedia": Count("pk", filter=Q(kind__is_multimedia=True)),
        },
    )
    mentions = gather.dated_sums(
        MediaMention,
        {
            "count": Count("pk"),
            "by_librarians": Count("pk", filter=Q(by_librarian=True)),
            "tv": Count("pk", filter=Q(kind=MediaMention.Kind.TV)),
        },
    )
    mention_totals = gather.period_sums(
        MediaMentionTotal,
        {"count": Sum("mentions"), "by_librarians": Sum("by_librarians"), "tv": Sum("tv_stories")},
    )
    online = gather.online()
    events = gather.dated_sums(Event, {"count": Count("pk")})
    entries = {
        "receipts": gather.dated_sums(Receipt, {"rows": Count("pk")}),
        "writeoffs": gather.dated_sums(WriteOff, {"rows": Count("pk")}),
    }
    snapshots = dict(
        FundSnapshot.objects.filter(
            library__in=gather.ids, date__gte=span.start, date__lte=span.day_after
        )
        .values("library")
        .annotate(n=Count("pk"))
        .values_list("library", "n")
        .order_by()
    )

    def figures_for(key: str, ids: list[int]) -> Figures:
        rows = [movements[key][i] for i in ids if i in movements[key]]
        figures = Figures(fund=_movement_total(rows))
        kinds: dict[str, Named] = {}
        for row in digitized_rows:
            if row["library"] in ids:
                kind = kinds.setdefault(
                    row["kind__code"],
                    Named(row["kind__code"], _name(row, "kind"), row["kind__order"]),
                )
                kind.done += row[f"{key}__documents"] or 0
                kind.pages += row[f"{key}__pages"] or 0
        before_key = "previous_before" if key == "previous" else "before"
        now_key = "before" if key == "previous" else "now"
        databases: dict[str, Named] = {}
        for moment, attribute in ((before_key, "before"), (now_key, "now")):
            for (library_id, code), row in records[moment].items():
                if library_id in ids:
                    database = databases.setdefault(
                        code, Named(code, _name(row, "database"), row["database__order"])
                    )
                    setattr(database, attribute, getattr(database, attribute) + row["records"])
        figures.catalogue = sorted(databases.values(), key=lambda n: (n.order, n.code))
        figures.catalogue_before = sum(n.before for n in figures.catalogue)
        figures.catalogue_now = sum(n.now for n in figures.catalogue)
        for library_id in ids:
            figures.virtual_references += references[library_id][key].get("count", 0)
            figures.publications += publications[library_id][key].get("print", 0)
            figures.multimedia += publications[library_id][key].get("multimedia", 0)
            for source in (mentions, mention_totals):
                figures.media += source[library_id][key].get("count", 0)
                figures.media_by_librarians += source[library_id][key].get("by_librarians", 0)
                figures.media_tv += source[library_id][key].get("tv", 0)
            e, s, v, p = online[library_id][key]
            figures.online_events += e
            figures.subscribers += s
            figures.views += v
            figures.posts += p
            figures.events += events[library_id][key].get("count", 0)
        figures.digitization = sorted(kinds.values(), key=lambda n: (n.order, n.code))
        figures.digitized = sum(n.done for n in figures.digitization)
        figures.digitized_pages = sum(n.pages for n in figures.digitization)
        return figures

    total = figures_for("current", gather.ids)
    previous = figures_for("previous", gather.ids)
    if whole:
        _add_organization_figures(organization, spans, {"current": total, "previous": previous})

    per_library = [(lib, figures_for("current", [lib.pk])) for lib in libraries]
    share_spans = _half_years_until(span, SHARE_HISTORY)
    kazakh_share = []
    for half_year in share_spans:
        funds = fund_at_start_of(half_year.day_after, library_qs)
        fund = sum(funds.values(), Copies())
        if fund.copies:  # half-years before anything was recorded stay off the chart
            kazakh_share.append((half_year, fund))

    completeness = []
    for lib, figures in per_library:
        completeness.append(
            (
                lib,
                {
                    "fund_snapshots": snapshots.get(lib.pk, 0),
                    "receipts": entries["receipts"][lib.pk]["current"].get("rows", 0),
                    "writeoffs": entries["writeoffs"][lib.pk]["current"].get("rows", 0),
                    "catalogue": len([k for k in records["now"] if k[0] == lib.pk]),
                    "virtual_references": references[lib.pk]["current"].get("rows", 0),
                    "digitized": figures.digitized,
                    "publications": figures.publications + figures.multimedia,
                    "media": figures.media,
                    "events": figures.events,
                    "online": online[lib.pk]["current"][0] + online[lib.pk]["current"][2],
                },
            )
        )
    organization_completeness = {}
    if whole:
        organization_completeness = {
            "budget": len(total.budget_by_source),
            "digitization_plan": len([k for k in total.digitization if k.planned is not None]),
        }
    return Overview(
        span=span,
        previous_span=spans["previous"],
        total=total,
        previous=previous,
        per_library=per_library,
        kazakh_share=kazakh_share,
        completeness=completeness,
        organization_completeness=organization_completeness,
    )


def _add_organization_figures(organization: Organization, spans: dict, figures: dict) -> None:
    """Budget and digitization plan: figures of the whole ЦБС. Two queries."""
    any_span = Q(*[_period_q(s) for s in spans.values()], _connector=Q.OR)
    budget_rows = (
        AcquisitionBudget.objects.filter(organization=organization)
        .filter(any_span)
        .values("source__code", "source__name_ru", "source__name_kk", "source__order")
        .annotate(**{key: Sum("amount", filter=_period_q(s)) for key, s in spans.items()})
        .order_by()
    )
    plan_rows = (
        DigitizationPlan.objects.filter(organization=organization)
        .filter(any_span)
        .values("kind__code", "kind__name_ru", "kind__name_kk", "kind__order")
        .annotate(**{key: Sum("planned", filter=_period_q(s)) for key, s in spans.items()})
        .order_by()
    )
    budget_rows, plan_rows = list(budget_rows), list(plan_rows)
    for key, target in figures.items():
        target.budget_by_source = sorted(
            (
                Named(r["source__code"], _name(r, "source"), r["source__order"], amount=r[key])
                for r in budget_rows
                if r[key] is not None
            ),
            key=lambda n: (n.order, n.code),
        )
        target.budget = sum((n.amount for n in target.budget_by_source), Decimal("0"))
        kinds = {n.code: n for n in target.digitization}
        for r in plan_rows:
            if r[key] is None:
                continue
            kind = kinds.setdefault(
                r["kind__code"], Named(r["kind__code"], _name(r, "kind"), r["kind__order"])
            )
            kind.planned = r[key]
        target.digitization = sorted(kinds.values(), key=lambda n: (n.order, n.code))
        planned = [n.planned for n in target.digitization if n.planned is not None]
        target.digitization_planned = sum(planned) if planned else None


def _half_years_until(span: Span, count: int) -> list[Span]:
    last = Span(span.year, span.half or 2)
    result = [last]
    while len(result) < count:
        result.append(result[-1].previous)
    return list(reversed(result))
