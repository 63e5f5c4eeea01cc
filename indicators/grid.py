"""A month of one library's work log as one grid: read it, and save it whole.

The grid page (`indicators.grid_views`) shows a row per day, or the month's one
row «за месяц» when the month is kept as a total. `month_grid_save` writes what
the page posted in one transaction through the same data-layer rules as the
admin (`branches.facts`: scoping, closed periods, the hand-in lock; the model's
checks): a refused month changes nothing, and every refusal names its cell (the
day and the column). The queries do not grow with the days: the month's rows are
read once, the rows are checked in Python against the model's own constraints
and written with one bulk insert and one bulk update.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.constraints import CheckConstraint
from django.db.models.expressions import CombinedExpression
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from branches.facts import frozen_reason, lock_libraries, periods_memoized
from branches.models import Library, ReportingPeriod
from datacache.version import data_changed
from indicators.models import WorkLogEntry
from indicators.models.worklog import COUNT_FIELDS, DAYS_EXIST, MONTH_ROW_EXISTS

Span = WorkLogEntry.Span
NOT_A_COUNT = _("Введите целое число не меньше нуля.")
TOO_LARGE = _("Слишком большое число.")
NOTE_TOO_LONG = _("Не больше %(limit)s знаков.")
CHANGE_REASON = _("Месяц дневника работы")
# PositiveIntegerField's ceiling on every database the project runs on.
MAX_COUNT = 2_147_483_647
NOTE_FIELD = "note"

# The log's columns in groups, as the paper log heads them.
GROUPS = (
    (_("Пользователи"), ("users", "users_children", "users_youth", "users_remote")),
    (_("Посещения"), ("visits", "visits_events", "visits_remote")),
    (
        _("Книговыдача"),
        ("loans", "loans_kk", "loans_books", "loans_periodicals", "loans_electronic"),
    ),
    (_("Справки"), ("references",)),
)


def column_label(name: str) -> str:
    """A figure's label under its group's head: «дети до 14 лет», not «в т.ч. дети …»."""
    label = str(WorkLogEntry._meta.get_field(name).verbose_name)
    return label.removeprefix("в т.ч. ").removeprefix("оның ішінде ")


def column_caption(name: str) -> str:
    """A column as a message names it, in the grid's words: «Пользователи — дети до 14
    лет», «Посещения — всего»; a group of one column by the group: «Справки»."""
    for group, names in GROUPS:
        if name in names:
            if len(names) == 1:
                return str(group)
            if name == names[0]:
                return f"{group} — {_('всего')}"
            return f"{group} — {column_label(name)}"
    label = str(WorkLogEntry._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


@dataclass(frozen=True)
class PartRule:
    """A database check «parts together ≤ total», read from the model's constraints."""

    total: str
    parts: tuple[str, ...]
    cell: str  # the column its message goes next to
    message: str

    def broken(self, figures: dict) -> bool:
        if any(name not in figures for name in (self.total, *self.parts)):
            return False  # a cell that is not a number has its own message
        return sum(figures[name] for name in self.parts) > figures[self.total]


def _summed_fields(expression) -> tuple[str, ...]:
    if isinstance(expression, F):
        return (expression.name,)
    if isinstance(expression, CombinedExpression) and expression.connector == "+":
        return _summed_fields(expression.lhs) + _summed_fields(expression.rhs)
    raise ValueError(f"not a sum of fields: {expression!r}")


def part_rules() -> list[PartRule]:
    """Each «parts ≤ total» check of the work log, as the page checks it while typing
    and the save checks it before writing (the database checks it again)."""
    rules = []
    for constraint in WorkLogEntry._meta.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        (lookup, value), *rest = constraint.condition.children
        if isinstance(value, (int, Value)) or rest:
            continue  # «not negative»: a count is parsed as a whole number ≥ 0
        total = lookup.removesuffix("__gte")
        rules.append(
            PartRule(
                total=total,
                parts=_summed_fields(value),
                cell=WorkLogEntry.constraint_error_fields[constraint.name],
                message=str(constraint.violation_error_message),
            )
        )
    return rules


def month_days(year: int, month: int) -> list[datetime.date]:
    last = calendar.monthrange(year, month)[1]
    return [datetime.date(year, month, day) for day in range(1, last + 1)]


def month_rows(library: Library, year: int, month: int, *, lock: bool = False) -> list:
    days = month_days(year, month)
    rows = WorkLogEntry.objects.filter(library=library, date__gte=days[0], date__lte=days[-1])
    if lock:
        rows = rows.select_for_update(of=("self",))
    return list(rows.order_by("date"))


def month_span(rows) -> str:
    """How the month is kept: by days, or as one total (a month's row is there)."""
    return Span.MONTH if any(row.span == Span.MONTH for row in rows) else Span.DAY


def _months_of(period: ReportingPeriod) -> list[tuple[int, int]]:
    first = 1 if period.half == 1 else 7
    return [(period.year, month) for month in range(first, first + 6)]


def due_month(library: Library, today: datetime.date | None = None) -> tuple[int, int]:
    """The month to fill: of the open half-year (the one of today, else the latest
    open), the latest month begun with days still empty, else its first month."""
    today = today or timezone.localdate()
    periods = list(
        ReportingPeriod.objects.filter(organization_id=library.organization_id).order_by(
            "-year", "-half"
        )
    )
    open_ = [p for p in periods if p.status == ReportingPeriod.Status.OPEN]
    current = [p for p in open_ if p.start <= today <= p.end]
    period = (current or open_ or periods or [None])[0]
    if period is None:
        return today.year, today.month
    months = _months_of(period)
    start, end = datetime.date(*months[0], 1), month_days(*months[-1])[-1]
    logged = WorkLogEntry.objects.filter(library=library, date__gte=start, date__lte=end)
    days = set(logged.filter(span=Span.DAY).values_list("date", flat=True))
    month_rows_ = logged.filter(span=Span.MONTH).values_list("date", flat=True)
    totals = {(d.year, d.month) for d in month_rows_}
    for year, month in reversed(months):
        begun = [d for d in month_days(year, month) if d <= today]
        if (year, month) not in totals and any(d not in days for d in begun):
            return year, month
    return months[0]


@dataclass
class CellProblem:
    day: datetime.date | None  # None: the month's one row
    field: str  # a figure, the note, or "" for the whole row
    message: str

    @property
    def cell(self) -> str:
        return cell_name(self.field, self.day)


def cell_name(field_name: str, day: datetime.date | None) -> str:
    """The name of a cell's input: `visits-5`, or `visits-month` for the month's row."""
    return f"{field_name}-{day.day if day else 'month'}"


class MonthRefused(Exception):
    """The month is refused whole; `problems` say which cells and why."""

    def __init__(self, problems: list[CellProblem]):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


@dataclass
class MonthSaved:
    added: int = 0
    changed: int = 0
    removed: int = 0
    days: list = field(default_factory=list)


def _parse_count(text: str):
    """A cell's text as a count; "" for a blank cell; raises ValueError."""
    text = (text or "").replace("\u00a0", "").replace(" ", "").strip()
    if not text:
        return ""
    if not text.isdigit():
        raise ValueError(NOT_A_COUNT)
    value = int(text)
    if value > MAX_COUNT:
        raise ValueError(TOO_LARGE)
    return value


def parse_posted(data, year: int, month: int, span: str):
    """{day or None: (figures or None when blank, note)} from the posted cells, and the
    cells that are not whole numbers."""
    keys = [None] if span == Span.MONTH else month_days(year, month)
    parsed, problems = {}, []
    for day in keys:
        figures, blank = {}, True
        for name in COUNT_FIELDS:
            try:
                value = _parse_count(data.get(cell_name(name, day), ""))
            except ValueError as error:
                problems.append(CellProblem(day, name, str(error.args[0])))
                blank = False
                continue
            blank = blank and value == ""
            figures[name] = 0 if value == "" else value
        note = (data.get(cell_name(NOTE_FIELD, day), "") or "").strip()
        max_length = WorkLogEntry._meta.get_field(NOTE_FIELD).max_length
        if len(note) > max_length:
            message = NOTE_TOO_LONG % {"limit": max_length}
            problems.append(CellProblem(day, NOTE_FIELD, str(message)))
        parsed[day] = (None if blank and not note else figures, note)
    return parsed, problems


def _row_problems(day, figures: dict, rules) -> list[CellProblem]:
    return [CellProblem(day, rule.cell, rule.message) for rule in rules if rule.broken(figures)]


def month_grid_save(*, library: Library, year: int, month: int, span: str, data, user=None):
    """Write the month as posted: a day with figures is added or changed, a stored day
    left blank is removed. All or nothing: MonthRefused names every refused cell."""
    if span not in (Span.DAY, Span.MONTH):
        span = Span.DAY
    parsed, problems = parse_posted(data, year, month, span)
    rules = part_rules()
    for day, (figures, _note) in parsed.items():
        if figures is not None:
            problems.extend(_row_problems(day, figures, rules))
    first = datetime.date(year, month, 1)
    with transaction.atomic(), periods_memoized():
        lock_libraries([library.pk])  # two saves of the same library serialize
        stored_rows = month_rows(library, year, month, lock=True)
        problems.extend(_span_problems(stored_rows, span, parsed, first))
        stored = {
            (None if row.span == Span.MONTH else row.date): row
            for row in stored_rows
            if row.span == span
        }
        before = {
            row.pk: {k: getattr(row, k) for k in (*COUNT_FIELDS, NOTE_FIELD)} for row in stored_rows
        }
        new, changed, removed = _plan(library, span, first, parsed, stored)
        problems.extend(_frozen_problems([*new, *changed, *removed], span))
        if problems:
            raise MonthRefused(_ordered(problems))
        try:
            month_rows_write(
                library=library, new=new, changed=changed, removed=removed, before=before,
                user=user, reason=str(CHANGE_REASON),
            )  # fmt: skip
        except ValidationError as error:  # the guard refused under its locks
            raise MonthRefused([CellProblem(None, "", m) for m in error.messages]) from error
    return MonthSaved(
        added=len(new),
        changed=len(changed),
        removed=len(removed),
        days=sorted(row.date for row in [*new, *changed]),
    )


def month_rows_write(*, library, new, changed, removed, before: dict, user, reason: str):
    """Write a month's planned rows in bulk, with a history record each (`user`, `reason`),
    inside the caller's transaction and locks: a query count that does not grow with the
    days. `before`: each changed row's stored values by pk, so only the columns some row
    changes are updated. The guard (`branches.facts`) raises ValidationError if it refuses."""
    if removed:
        WorkLogEntry.objects.filter(pk__in=[row.pk for row in removed]).delete()
    if new:
        bulk_create_with_history(new, WorkLogEntry, default_user=user, default_change_reason=reason)
    if changed:
        bulk_update_with_history(
            changed, WorkLogEntry, _changed_fields(changed, before),
            default_user=user, default_change_reason=reason,
        )  # fmt: skip
    if new or changed or removed:
        data_changed(library.organization_id)


def _span_problems(stored_rows, span, parsed, first) -> list[CellProblem]:
    """A month is kept by days or as one total, never both (it would count twice)."""
    if not any(figures is not None for figures, _note in parsed.values()):
        return []
    month = f"{first:%m.%Y}"
    if span == Span.DAY and any(row.span == Span.MONTH for row in stored_rows):
        return [CellProblem(None, "", str(MONTH_ROW_EXISTS % {"month": month}))]
    days = [row for row in stored_rows if row.span == Span.DAY]
    if span == Span.MONTH and days:
        return [CellProblem(None, "", str(DAYS_EXIST % {"month": month, "count": len(days)}))]
    return []


def _plan(library, span, first, parsed, stored):
    """The rows to add, to change and to remove; a row posted as it is stored is left."""
    new, changed, removed = [], [], []
    for key, (figures, note) in parsed.items():
        row = stored.get(key)
        if figures is None:
            if row is not None:
                removed.append(row)
            continue
        if row is None:
            row = WorkLogEntry(library=library, date=key or first, span=span)
            new.append(row)
        elif all(getattr(row, k) == v for k, v in figures.items()) and row.note == note:
            continue
        else:
            changed.append(row)
        for name, value in figures.items():
            setattr(row, name, value)
        row.note = note
    return new, changed, removed


def _changed_fields(changed, before: dict) -> list[str]:
    """Only the columns some row changes: each one is a CASE over the rows in the
    UPDATE, and building those is what a bulk update spends its time on."""
    return [
        name
        for name in (*COUNT_FIELDS, NOTE_FIELD)
        if any(getattr(row, name) != before[row.pk][name] for row in changed)
    ]


def _frozen_problems(rows, span) -> list[CellProblem]:
    """A closed period, a handed-in library, a day outside every period: the same
    `frozen_reason` every door asks, once per row (its lookups are memoized)."""
    problems = []
    for row in rows:
        reason = frozen_reason(row, lock=True)
        if reason is not None:
            day = None if span == Span.MONTH else row.date
            problems.append(CellProblem(day, "", reason))
    return problems


def _ordered(problems: list[CellProblem]) -> list[CellProblem]:
    columns = {name: n for n, name in enumerate(("", *COUNT_FIELDS, NOTE_FIELD))}
    return sorted(problems, key=lambda p: (p.day or datetime.date.min, columns[p.field]))
