"""Abstract bases for the facts libraries record, and the rule that closes them.

A dated fact (a receipt, an event...) belongs to the period its date falls in;
a period fact (a budget, a plan...) names its period; a state (a fund size, a
record count) is true at the start of its day, and a state on the first day
after a period is that period's closing state. The checks that every such fact
shares live here so each form, import, command and queryset runs the same ones.

Every write of a fact (save, delete, queryset update and delete, bulk insert,
many-to-many change, history revert) goes through `fact_write_guard()`, which
locks the periods the rows touch and asks `frozen_reason()` about each row, so
an approval (which locks its period row, `branches.lockstate.period_lock`) and a
write never interleave.
"""

import contextlib
import datetime
import functools
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.calendar import half_of
from branches.handins import HandIn
from branches.kinds import DATED, STATE, kind_for
from branches.models import Library, Organization, ReportingPeriod, WriteRefused
from branches.scoping import is_librarian

DATE_OUTSIDE_PERIODS = _(
    "Дата %(date)s не попадает ни в один отчётный период этой ЦБС. "
    "Сначала методист должен открыть период."
)
PERIOD_CLOSED = _("Период «%(period)s» утверждён: его данные больше нельзя менять.")
CLOSING_STATE_CLOSED = _(
    "Состояние на %(date)s — итог периода «%(period)s», а он утверждён: "
    "его данные больше нельзя менять."
)
PERIOD_OTHER_ORGANIZATION = _("Период относится к другой ЦБС.")
HANDED_IN = _(
    "Данные библиотеки за %(period)s сданы: изменить их можно, только когда методист "
    "вернёт их на исправление."
)


# Set by `periods_memoized()`: a cache of periods for this thread or task only.
_period_cache: ContextVar[dict | None] = ContextVar("period_cache", default=None)
# Periods and libraries already locked in the transaction `periods_memoized()` runs in.
_locked: ContextVar[set | None] = ContextVar("locked_rows", default=None)


def _may_lock() -> bool:
    # A row lock needs a transaction; outside one (a shell, a plain read) the
    # write itself opens one and checks again under its lock.
    return connection.in_atomic_block


def period_for_date(organization_id, day, *, lock: bool = False) -> ReportingPeriod | None:
    """The period of `organization_id` that `day` falls in; with `lock`, its row locked."""
    half = half_of(day.month)
    cache = _period_cache.get()
    locked = _locked.get()
    key = (organization_id, day.year, half)
    if cache is not None and key in cache:
        # Memoized: unless a lock is asked for that this transaction has not taken yet.
        if not lock or (locked is not None and key in locked) or not _may_lock():
            return cache[key]
    lock = lock and _may_lock()
    query = ReportingPeriod.objects.filter(
        organization_id=organization_id, year=day.year, half=half
    )
    if lock:
        query = query.select_for_update()
    period = query.first()
    if cache is not None:
        cache[key] = period
        if lock and locked is not None:
            locked.add(key)
    return period


@contextlib.contextmanager
def periods_memoized():
    """Look each half-year's period up (and lock it) once inside the block.

    `clean()` asks for the period of every row's date; an import of thousands of
    rows, during which periods don't change (they are locked), needs one query
    per half-year. A ContextVar keeps the cache to this thread, so concurrent
    requests never share it. Use it inside the transaction the rows are written in.
    """
    token = _period_cache.set({})
    locked_token = _locked.set(set())
    try:
        yield
    finally:
        _period_cache.reset(token)
        _locked.reset(locked_token)


def lock_libraries(library_ids) -> None:
    """Lock the libraries' rows: writers of one library's ledger queue here.

    On PostgreSQL a `SELECT … FOR UPDATE` in id order (so two writers never wait
    on each other crosswise); on SQLite the transaction already holds the write
    lock (`"transaction_mode": "IMMEDIATE"`).
    """
    if not _may_lock():
        return
    locked = _locked.get()
    wanted = sorted({pk for pk in library_ids if pk is not None} - _locked_libraries(locked))
    if not wanted:
        return
    list(Library.objects.select_for_update().filter(pk__in=wanted).order_by("pk").values("pk"))
    if locked is not None:
        locked.update(("library", pk) for pk in wanted)


def _locked_libraries(locked) -> set:
    return {key[1] for key in locked or () if key[0] == "library"}


@functools.cache
def _binding_of(model) -> str | None:
    """How rows of `model` bind to time, as the registry of kinds declares it."""
    kind = kind_for(model)
    if kind is not None:
        return kind.binding
    return DATED if issubclass(model, DatedLibraryFact) else None


def _touched(obj, *, lock: bool) -> list[tuple[ReportingPeriod, datetime.date | None]]:
    """The periods `obj` belongs to, each with the state's date when it is a closing state."""
    read_by = getattr(obj, "periods_reading", None)
    if read_by is not None:
        # A standing row the reports of some half-years read (a plan, a report's
        # narrative): it belongs to each of them. Locked in time order, as every fact's.
        query = read_by().order_by("year", "half")
        if lock and _may_lock():
            query = query.select_for_update()
        return [(period, None) for period in query]
    period_id = getattr(obj, "period_id", None)
    if period_id is not None:
        query = ReportingPeriod.objects.filter(pk=period_id)
        if lock and _may_lock():
            query = query.select_for_update()
        period = query.first()
        return [(period, None)] if period is not None else []
    binding = _binding_of(type(obj))
    day = getattr(obj, "date", None)
    library_id = getattr(obj, "library_id", None)
    if binding not in (DATED, STATE) or day is None or library_id is None:
        return []
    organization_id = _organization_of(obj)
    days = [day]
    if binding == STATE and (day.month, day.day) in ((1, 1), (7, 1)):
        # The state at the start of 01.07 is where H1 ended (and H2 starts).
        days.insert(0, day - datetime.timedelta(days=1))
    touched = []
    for when in days:
        period = period_for_date(organization_id, when, lock=lock)
        if period is not None:
            touched.append((period, day if when != day else None))
    return touched


def _organization_of(obj):
    if obj.library_id is None:
        return None
    # Inside `periods_memoized()` each library's organization is read once: a bulk
    # update re-reads its rows without their libraries.
    cache = _period_cache.get()
    key = ("organization", obj.library_id)
    if cache is not None and key in cache:
        return cache[key]
    organization_id = obj.library.organization_id
    if cache is not None:
        cache[key] = organization_id
    return organization_id


def frozen_reason(obj, *, lock: bool = False) -> str | None:
    """Why the row `obj` (as it is in memory) may not be written now, or None.

    THE one place that says whether a fact belongs to a closed period: model
    saves and deletes, queryset writes, bulk inserts, many-to-many changes,
    history reverts, imports, commands and the admin's read-only pages all ask
    it. A dated fact belongs to the period of its date, a period fact to its
    period, and a state (binding STATE in `branches.kinds`) to the period of its
    date and, when dated the first day of a half-year, to the period just ended too.

    Extension point: a rule that closes more rows (say, a library's hand-in that
    makes that library's rows of a period read-only for its librarian) adds its
    reason here, from `obj` and the periods `_touched()` returns, so every door
    obeys it at once. With `lock`, the periods' rows are locked (`SELECT … FOR
    UPDATE`) until the transaction ends, so an approval cannot slip in between
    this check and the write.

    A standing row a half-year's report reads names those periods by
    `periods_reading()` (a plan, a report's narrative); one that keeps its own
    freeze says why by `printed_reason()` (a social page an approved report printed).
    """
    printed_reason = getattr(obj, "printed_reason", None)
    if printed_reason is not None:
        return printed_reason()
    touched = _touched(obj, lock=lock)
    if not touched and getattr(obj, "needs_open_period", False) and obj.date is not None:
        # A kind whose rows only exist inside a period (the work log): no door writes
        # one outside them, not only the form.
        return DATE_OUTSIDE_PERIODS % {"date": obj.date.strftime("%d.%m.%Y")}
    for period, closing_day in touched:
        if period.status == ReportingPeriod.Status.APPROVED:
            if closing_day is not None:
                return CLOSING_STATE_CLOSED % {
                    "date": closing_day.strftime("%d.%m.%Y"),
                    "period": period.label,
                }
            return getattr(obj, "closed_message", PERIOD_CLOSED) % {"period": period.label}
    return _handed_in_reason(obj, [period for period, _day in touched], lock=lock)


def _acting_librarian():
    """The librarian whose request is running (simple_history's middleware keeps the
    request), or None: a methodologist, a command, a test's direct write."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user if is_librarian(user) else None


def _handed_in_reason(obj, periods, *, lock: bool) -> str | None:
    """While a library's half-year is handed in or accepted, its rows of that
    half-year are read-only for its librarian (returned, they are editable again);
    the methodologist still corrects them. `branches.lockstate` locks the library's
    row for each move, so a write waits for a hand-in being made and then sees it."""
    library_id = getattr(obj, "library_id", None)
    if library_id is None or not periods or _acting_librarian() is None:
        return None
    if lock:
        lock_libraries([library_id])
    # Inside `periods_memoized()` a month of rows asks once per library and half-year:
    # with the library's row locked, no hand-in moves until the transaction ends.
    cache = _period_cache.get()
    key = ("handin", library_id, tuple(sorted(period.pk for period in periods)))
    if cache is not None and key in cache:
        handin = cache[key]
    else:
        handin = handin_locking(library_id, periods)
        if cache is not None and (lock and _may_lock()):
            cache[key] = handin
    return HANDED_IN % {"period": handin.period.label} if handin else None


def in_approved_period(obj) -> bool:
    """Whether `obj` belongs to a closed period, whose data no longer change."""
    return frozen_reason(obj) is not None


def fact_write_guard(rows) -> None:
    """Refuse (WriteRefused) unless every row, old or new version, may be written.

    Locks the periods the rows touch, in chronological order, then checks them.
    """
    rows = [row for row in rows if row is not None]
    memo = periods_memoized() if _period_cache.get() is None else contextlib.nullcontext()
    with memo:  # thousands of rows of a bulk insert: one lookup per half-year
        for row in sorted(rows, key=_chronological):
            reason = frozen_reason(row, lock=True)
            if reason is not None:
                raise WriteRefused(reason)


def _chronological(row) -> tuple[int, int]:
    """The half-year a row's first lock is in: periods are always locked in time order,
    so two writers never wait on each other crosswise."""
    if getattr(row, "period_id", None) is not None:
        return (row.period.year, row.period.half)
    day = getattr(row, "date", None)
    if day is None:
        return (0, 0)
    if _binding_of(type(row)) == STATE and (day.month, day.day) in ((1, 1), (7, 1)):
        day -= datetime.timedelta(days=1)
    return (day.year, half_of(day.month))


class FactQuerySet(models.QuerySet):
    """Queryset writes obey the same rules as a row's save and delete."""

    def _locked_rows(self):
        pks = list(self.values_list("pk", flat=True))
        base = self.model._base_manager.filter(pk__in=pks)
        return base, list(base.select_for_update(of=("self",)).order_by("pk"))

    def update(self, **kwargs):
        with transaction.atomic(using=self.db):
            base, old = self._locked_rows()
            fact_write_guard(old)
            count = models.QuerySet.update(base, **kwargs)
            new = list(base)
            fact_write_guard(new)
            self.model.facts_written(old + new)
        return count

    update.queryset_only = True

    def delete(self):
        with transaction.atomic(using=self.db):
            base, old = self._locked_rows()
            fact_write_guard(old)
            result = models.QuerySet.delete(base)
            self.model.facts_written(old)
        return result

    delete.queryset_only = True
    delete.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with transaction.atomic(using=self.db):
            fact_write_guard(objs)
            created = super().bulk_create(objs, *args, **kwargs)
            self.model.facts_written(objs)
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        with transaction.atomic(using=self.db):
            stored = list(
                self.model._base_manager.select_for_update(of=("self",)).filter(
                    pk__in=[obj.pk for obj in objs]
                )
            )
            fact_write_guard(stored + objs)
            count = super().bulk_update(objs, fields, *args, **kwargs)
            self.model.facts_written(stored + objs)
        return count


class GuardedFact(models.Model):
    """A fact whose every write passes `fact_write_guard()` (and `facts_written()`)."""

    objects = FactQuerySet.as_manager()

    # Which form field a closed period's message goes next to.
    frozen_field = "date"
    # True: a dated row outside every period is refused by every write, not only by
    # its form's clean() (DatedLibraryFact).
    needs_open_period = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or "default"):
            stored = self.stored_version(lock=True)
            fact_write_guard([stored, self])
            super().save(*args, **kwargs)
            type(self).facts_written([row for row in (stored, self) if row is not None])

    save.alters_data = True

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or "default"):
            stored = self.stored_version(lock=True) or self
            fact_write_guard([stored])
            result = super().delete(*args, **kwargs)
            type(self).facts_written([stored])
        return result

    delete.alters_data = True

    def clean(self):
        super().clean()
        stored = self.stored_version(lock=True)
        for row in (stored, self):
            reason = frozen_reason(row, lock=True) if row is not None else None
            if reason is not None:
                raise ValidationError({self.frozen_field: reason})

    @classmethod
    def facts_written(cls, rows) -> None:
        """After rows of this model were written (old and new versions): re-check what
        spans rows, under the same transaction. The fund ledger hooks in here."""

    def stored_version(self, *, lock: bool = False):
        """This row as the database holds it now (None for a new row)."""
        if self.pk is None or self._state.adding:
            return None
        query = type(self)._base_manager.filter(pk=self.pk)
        if lock and _may_lock():
            query = query.select_for_update(of=("self",))
        return query.first()


@receiver(m2m_changed)
def _many_to_many_guard(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Adding or removing an event's platforms changes the event: same rule."""
    if action not in ("pre_add", "pre_remove", "pre_clear"):
        return
    if not reverse:
        if isinstance(instance, GuardedFact):
            fact_write_guard([instance.stored_version(lock=True) or instance])
        return
    if not issubclass(model, GuardedFact):
        return
    if pk_set is None:  # clearing from the other side: every row linked to it
        field = _m2m_field(model, sender)
        rows = model._base_manager.filter(**{field: instance}) if field else []
    else:
        rows = model._base_manager.filter(pk__in=pk_set)
    fact_write_guard(list(rows))


def _m2m_field(model, through):
    for field in model._meta.many_to_many:
        if field.remote_field.through is through:
            return field.name
    return None


class LibraryFact(GuardedFact):
    """A fact of one library: a librarian sees and edits only their library's."""

    library = models.ForeignKey(Library, verbose_name=_("библиотека"), on_delete=models.PROTECT)
    history = HistoricalRecords(inherit=True)

    library_lookup = "library"
    organization_lookup = "library__organization"

    class Meta:
        abstract = True


class DatedLibraryFact(LibraryFact):
    date = models.DateField(_("дата"))

    class Meta:
        abstract = True

    def clean(self):
        if self.date and self.library_id:
            period = period_for_date(self.library.organization_id, self.date)
            if period is None:
                raise ValidationError(
                    {
                        "date": ValidationError(
                            DATE_OUTSIDE_PERIODS, params={"date": self.date.strftime("%d.%m.%Y")}
                        )
                    }
                )
        super().clean()


class LibraryPeriodFact(LibraryFact):
    """A figure a library only knows as a total for a whole period."""

    period = models.ForeignKey(ReportingPeriod, verbose_name=_("период"), on_delete=models.PROTECT)
    frozen_field = "period"

    class Meta:
        abstract = True

    def clean(self):
        if self.period_id and self.library_id:
            if self.period.organization_id != self.library.organization_id:
                raise ValidationError({"period": PERIOD_OTHER_ORGANIZATION})
        super().clean()


class OrganizationPeriodFact(GuardedFact):
    """A figure of the whole ЦБС for a period (a budget, a plan): methodologist's."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("организация"), on_delete=models.PROTECT
    )
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("период"), on_delete=models.PROTECT)
    history = HistoricalRecords(inherit=True)

    library_lookup = None
    organization_lookup = "organization"
    frozen_field = "period"

    class Meta:
        abstract = True

    def clean(self):
        if self.period_id and self.organization_id:
            if self.period.organization_id != self.organization_id:
                raise ValidationError({"period": PERIOD_OTHER_ORGANIZATION})
        super().clean()


def periods_of(obj) -> list[ReportingPeriod]:
    """The periods the row `obj` belongs to (none locked): what a page names when it
    says why the row is read-only."""
    return [period for period, _day in _touched(obj, lock=False)]


def handin_locking(library_id, periods):
    """The library's hand-in (sent or accepted) of one of `periods` that locks its rows, or None."""
    return (
        HandIn.objects.filter(
            library_id=library_id,
            period__in=periods,
            state__in=[HandIn.State.SUBMITTED, HandIn.State.ACCEPTED],
        )
        .select_related("period")
        .first()
    )
