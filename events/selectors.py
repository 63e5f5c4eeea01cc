"""Reads of events and online work for the report and the dashboard.

The grouping rule (shared with the report's sections): an event dated in the
span appears in every initiative group it has, in the highlight group it has,
and in at most one form group, the first that matches: challenges, live
broadcasts, Zoom, and «online actions, contests and others», which also takes the
events held in a library, as the seed has it. That last one is a catch-all: an
event already shown under an initiative or a highlight is not repeated there, or
it would list every literary event again.

Within a group events print by their position number (set by the methodologist),
those without one after them by date.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy

from branches.handins import HandIn
from branches.models import Platform, SocialPage
from events.models import Event, EventForm, Initiative, OnlineFigures

# Initiative.code -> report group, Event.highlight -> report group.
INITIATIVE_GROUPS = {
    "parasat-zholy": "parasat",
    "kitap-fest": "kitap_fest",
    "one-country-one-book": "one_country_one_book",
    "year-of-childrens-reading": "children_reading",
}
HIGHLIGHT_GROUPS = {"literary": "literary", "local": "local"}
CATCH_ALL_GROUPS = {"online_actions"}


def events_in(
    *, library_ids: list[int], start: datetime.date, end: datetime.date, libraries=()
) -> list[Event]:
    """Events dated in the span, in report order, with their library, form, initiatives
    and platforms (`Event.linked`).

    Three queries: the events with their form's columns, their initiatives, their
    platforms. Each library, form, initiative and platform is made once and shared by
    its events: `libraries` are the rows of `library_ids` the caller already has (the
    events then join no library); select_related and prefetch_related made a model
    per event and per link, which was most of a 20,000-event report's time.
    """
    known = {library.pk: library for library in libraries}
    rows = Event.objects.filter(library__in=library_ids, date__gte=start, date__lte=end)
    if not set(library_ids) <= known.keys():
        rows = rows.select_related("library")
    columns = [field.attname for field in EventForm._meta.concrete_fields]
    rows = rows.annotate(**{f"form_row_{name}": F(f"form__{name}") for name in columns})
    events = list(rows.order_by(F("position").asc(nulls_last=True), "date", "pk"))
    forms: dict[int, EventForm] = {}
    library_field, form_field = Event._meta.get_field("library"), Event._meta.get_field("form")
    for event in events:
        form = forms.get(event.form_id)
        if form is None:
            values = [getattr(event, f"form_row_{name}") for name in columns]
            form = forms[event.form_id] = EventForm.from_db(rows.db, columns, values)
        form_field.set_cached_value(event, form)
        if event.library_id in known:
            library_field.set_cached_value(event, known[event.library_id])
    span = {"event__library__in": library_ids, "event__date__gte": start, "event__date__lte": end}
    for name, model in (("initiatives", Initiative), ("platforms", Platform)):
        linked = _linked(Event._meta.get_field(name).remote_field.through, model, span)
        for event in events:
            event._prefetched_objects_cache = getattr(event, "_prefetched_objects_cache", {})
            event._prefetched_objects_cache[name] = linked.get(event.pk, [])
    return events


def _linked(through, model, span: dict) -> dict[int, list]:
    """{event id: its related rows (pk, code and names only)}, in one query."""
    column = model._meta.model_name
    rows = through.objects.filter(**span).values_list(
        "event_id", column, f"{column}__code", f"{column}__name_ru", f"{column}__name_kk"
    )
    made: dict[int, object] = {}
    linked: dict[int, list] = {}
    for event_id, pk, code, name_ru, name_kk in rows.order_by(column):
        if pk not in made:
            made[pk] = model(pk=pk, code=code, name_ru=name_ru, name_kk=name_kk)
        linked.setdefault(event_id, []).append(made[pk])
    return linked


def form_group(event: Event) -> str:
    """The one form group of an event: the first of the rule's groups that matches."""
    if event.form.code == "challenge":
        return "challenges"
    if event.form.code == "live":
        return "live"
    if any(platform.code == "zoom" for platform in event.linked("platforms")):
        return "zoom"
    return "online_actions"


def event_groups(events: list[Event]) -> dict[str, list[Event]]:
    """{report group code: events in the order of `events`}. No queries (uses the prefetched rows)."""
    groups: dict[str, list[Event]] = {}
    for event in events:
        codes = [
            INITIATIVE_GROUPS[i.code]
            for i in event.linked("initiatives")
            if i.code in INITIATIVE_GROUPS
        ]
        if event.highlight in HIGHLIGHT_GROUPS:
            codes.append(HIGHLIGHT_GROUPS[event.highlight])
        form = form_group(event)
        if form not in CATCH_ALL_GROUPS or not codes:
            codes.append(form)
        for code in codes:
            groups.setdefault(code, []).append(event)
    return groups


def social_pages(*, organization, library_ids: list[int]) -> dict[int | None, list[SocialPage]]:
    """{library id, or None for the ЦБС's common pages: its pages}. One query."""
    pages: dict[int | None, list[SocialPage]] = {}
    for page in (
        SocialPage.objects.filter(organization=organization)
        .filter(Q(library__isnull=True) | Q(library__in=library_ids))
        .order_by("platform__order", "pk")
    ):
        pages.setdefault(page.library_id, []).append(page)
    return pages


# Two counts of online events, so two names (issue 22, item 7). A methodologist reads
# them as different figures, and they cannot be made one:
# - the online-work tally (`OnlineFigures.online_events`): how many online events a
#   library counted for the period beside its pages' subscribers, views and posts. It
#   counts every online event, listed or not: the seed's 183 are such a total, with no
#   list behind most of them;
# - the events entered one by one (`Event`) held online (`Event.is_online`): the list the
#   report prints and section IV counts with their participants. A library lists its
#   notable events, so the list is a part of the tally, not the whole of it.
# Adding the two would count a listed online event twice; printing either under the other's
# name made the dashboard (183, the tally) and the report's list (35) disagree under one
# word. Every output names each by one of these labels, the same in the report, the XLSX
# and the dashboard.
ONLINE_WORK_EVENTS_LABEL = gettext_lazy("Онлайн-мероприятия (по учёту онлайн-работы)")
LISTED_ONLINE_EVENTS_LABEL = gettext_lazy("Мероприятий в онлайн-формате")

FIGURES = ("online_events", "subscribers", "views", "posts")
# Counted at a period's end, not over it: a year has its last half's count.
AT_END = frozenset({"subscribers"})


@dataclass
class OnlineCount:
    """One library's online work in a span (or the sum of the libraries')."""

    online_events: int = 0
    subscribers: int = 0
    views: int = 0
    posts: int = 0


@dataclass
class OnlineTotals:
    by_library: dict[int, OnlineCount] = field(default_factory=dict)

    @property
    def total(self) -> OnlineCount:
        """The libraries' figures added up (each library's subscribers at the end)."""
        return OnlineCount(
            **{f: sum(getattr(c, f) for c in self.by_library.values()) for f in FIGURES}
        )

    @property
    def online_events(self) -> int:
        return self.total.online_events

    @property
    def subscribers(self) -> int:
        return self.total.subscribers

    @property
    def views(self) -> int:
        return self.total.views

    @property
    def posts(self) -> int:
        return self.total.posts


def online_totals(*, library_ids: list[int], period_ids: list[int]) -> OnlineTotals:
    """Online work in the periods, per library. One query.

    Per library and period: the all-platforms row (platform empty) when there is
    one, else the sum of that library's per-platform rows, so a library that
    entered both is not counted twice. Flows (events, views, posts) add up over
    the periods; subscribers are the library's count in its latest period.
    """
    whole = Q(platform__isnull=True)
    rows = (
        OnlineFigures.objects.filter(library__in=library_ids, period__in=period_ids)
        .values("library", "period", "period__year", "period__half")
        .annotate(
            has_whole=Count("pk", filter=whole),
            **{f"w_{f}": Sum(f, filter=whole) for f in FIGURES},
            **{f"p_{f}": Sum(f, filter=~whole) for f in FIGURES},
        )
        .order_by("period__year", "period__half")
    )
    by_library: dict[int, OnlineCount] = {}
    for row in rows:  # oldest period first: a later one's count at the end wins
        prefix = "w" if row["has_whole"] else "p"
        count = by_library.setdefault(row["library"], OnlineCount())
        for f in FIGURES:
            value = row[f"{prefix}_{f}"] or 0
            setattr(count, f, value if f in AT_END else getattr(count, f) + value)
    return OnlineTotals(by_library=by_library)


# Mass work (section IV): events and their attendance per library ----------------


@dataclass
class Attendance:
    """A number of events and their participants (an event without a count adds none:
    `uncounted` says how many of the events have no participants entered)."""

    events: int = 0
    participants: int = 0
    uncounted: int = 0

    def add(self, events: int, participants: int | None, uncounted: int = 0) -> None:
        self.events += events
        self.participants += participants or 0
        self.uncounted += uncounted


@dataclass(frozen=True)
class Group:
    """A breakdown's group: a list value (a form, an audience, an initiative)."""

    key: str
    name_ru: str
    name_kk: str = ""
    order: int = 0

    def name(self, language: str) -> str:
        return self.name_kk if language == "kk" and self.name_kk else self.name_ru


@dataclass
class LibraryMassWork:
    """One library's events in a span: all, on site, online, and by group."""

    total: Attendance = field(default_factory=Attendance)
    onsite: Attendance = field(default_factory=Attendance)
    online: Attendance = field(default_factory=Attendance)
    by_form: dict[str, Attendance] = field(default_factory=dict)
    by_audience: dict[str, Attendance] = field(default_factory=dict)
    by_initiative: dict[str, Attendance] = field(default_factory=dict)
    # By subject area (Event.direction, "" when not given): one per event, so the
    # directions add up to the total.
    by_direction: dict[str, Attendance] = field(default_factory=dict)


@dataclass
class MassWork:
    by_library: dict[int, LibraryMassWork] = field(default_factory=dict)
    forms: dict[str, Group] = field(default_factory=dict)
    audiences: dict[str, Group] = field(default_factory=dict)
    initiatives: dict[str, Group] = field(default_factory=dict)
    # Libraries that handed in (or had accepted) every half-year of the span.
    handed_in: set[int] = field(default_factory=set)

    def library(self, library_id: int) -> LibraryMassWork:
        return self.by_library.get(library_id, LibraryMassWork())

    def known(self, library_id: int) -> bool:
        """Whether the library's count of events is known, a 0 included.

        What the report can know: a library with events in the span has entered
        them (its count may still grow, as every figure entered so far); a library
        with none has held none only if it handed in the span's half-years, saying
        its data is complete. Otherwise it may simply not have entered them yet: its
        count is unknown, «нет данных», not 0.
        """
        return library_id in self.by_library or library_id in self.handed_in

    def summed(self, breakdown: str, groups: dict[str, Group]) -> list[tuple[Group, Attendance]]:
        """[(group, the libraries' attendance added up)] in the groups' order. No query."""
        result = []
        for group in sorted(groups.values(), key=lambda g: (g.order, g.name_ru.casefold())):
            total = Attendance()
            for counts in self.by_library.values():
                part = getattr(counts, breakdown).get(group.key)
                if part:
                    total.add(part.events, part.participants, part.uncounted)
            result.append((group, total))
        return result

    def grand(self, part: str = "total") -> Attendance:
        total = Attendance()
        for counts in self.by_library.values():
            value = getattr(counts, part)
            total.add(value.events, value.participants, value.uncounted)
        return total


UNCOUNTED = Count("pk", filter=Q(participants__isnull=True))
# The key and place of the group of events with no value ticked (no audience): last.
NONE_KEY, NONE_ORDER = "", 2**31


def _list_group(row, prefix: str) -> Group:
    """The group of a row grouped by the list value `prefix` (a form, an audience...)."""
    pk = row[prefix]
    if pk is None:
        return Group(NONE_KEY, "", order=NONE_ORDER)
    return Group(
        str(pk), row[f"{prefix}__name_ru"], row[f"{prefix}__name_kk"], row[f"{prefix}__order"]
    )


def _by_list_value(events, prefix: str, *also: str):
    """Rows of (library, *also, list value, events, participants, uncounted), one query.

    Grouped across a many-to-many, an event is counted once in each of its values.
    """
    return (
        events.values(
            "library",
            *also,
            prefix,
            f"{prefix}__name_ru",
            f"{prefix}__name_kk",
            f"{prefix}__order",
        )
        .annotate(n=Count("pk"), people=Sum("participants"), uncounted=UNCOUNTED)
        .order_by()
    )


def handed_in(
    *,
    library_ids: list[int],
    period_ids: list[int],
    periods_per_organization: dict[int, int] | None = None,
) -> set[int]:
    """The libraries that handed in every one of the periods (sent or accepted). One query,
    none without periods.

    `periods_per_organization` ({organization id: how many of the periods are its}): the
    periods of several ЦБС (a region's), of which a library hands in its own ЦБС's only.
    """
    if not period_ids:
        return set()
    locked = (HandIn.State.SUBMITTED, HandIn.State.ACCEPTED)
    rows = HandIn.objects.filter(
        library__in=library_ids, period__in=period_ids, state__in=locked
    ).order_by()
    if periods_per_organization is not None:
        counts = rows.values("library", "period__organization").annotate(
            n=Count("period", distinct=True)
        )
        return {
            row["library"]
            for row in counts
            if row["n"] == periods_per_organization.get(row["period__organization"])
        }
    rows = (
        rows.values("library")
        .annotate(n=Count("period", distinct=True))
        .filter(n=len(set(period_ids)))
        .values_list("library", flat=True)
    )
    return set(rows)


def mass_work(
    *,
    library_ids: list[int],
    start: datetime.date,
    end: datetime.date,
    period_ids: list[int] | None = None,
    periods_per_organization: dict[int, int] | None = None,
) -> MassWork:
    """Events dated in the span and their participants per library, and which libraries
    handed the span in (`MassWork.known`). Three aggregate queries, +1 with `period_ids`.

    The first groups by library, form, on site/online and direction (one of each per
    event: its groups add up to the library's total); the second by library and audience
    category, the third by library and initiative: an event may have several of
    those, or none, so their groups need not add up (an event with two audiences
    counts under both; one with none, under «не указана»).
    """
    events = Event.objects.filter(library__in=library_ids, date__gte=start, date__lte=end)
    result = MassWork(
        handed_in=handed_in(
            library_ids=library_ids,
            period_ids=period_ids or [],
            periods_per_organization=periods_per_organization,
        )
    )
    for row in _by_list_value(events, "form", "is_online", "direction"):
        counts = result.by_library.setdefault(row["library"], LibraryMassWork())
        n, people, uncounted = row["n"], row["people"], row["uncounted"]
        counts.total.add(n, people, uncounted)
        (counts.online if row["is_online"] else counts.onsite).add(n, people, uncounted)
        counts.by_direction.setdefault(row["direction"], Attendance()).add(n, people, uncounted)
        form = _list_group(row, "form")
        result.forms.setdefault(form.key, form)
        counts.by_form.setdefault(form.key, Attendance()).add(n, people, uncounted)
    breakdowns = (
        ("audiences", result.audiences, "by_audience", events),
        # Events of no initiative are not a group of their own there.
        (
            "initiatives",
            result.initiatives,
            "by_initiative",
            events.filter(initiatives__isnull=False),
        ),
    )
    for prefix, groups, breakdown, rows in breakdowns:
        for row in _by_list_value(rows, prefix):
            counts = result.by_library.setdefault(row["library"], LibraryMassWork())
            group = _list_group(row, prefix)
            groups.setdefault(group.key, group)
            getattr(counts, breakdown).setdefault(group.key, Attendance()).add(
                row["n"], row["people"], row["uncounted"]
            )
    return result
