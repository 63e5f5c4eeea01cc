"""The daily work log («Дневник работы»): what a library counted on a day or in a month.

Rows are additive: a span's visits, loans and references are the sums of its
rows. Users are registrations (new and re-registered readers) on that day: a
reader registers once a calendar year, so a span's users are the sums from
1 January to the span's end (see `indicators.selectors`).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from branches.facts import DatedLibraryFact
from indicators.models.checks import parts_within

NOT_NEGATIVE = _("Показатели дневника не могут быть отрицательными.")
CHILDREN_YOUTH_ABOVE_USERS = _(
    "Детей до 14 лет и молодёжи 15–30 лет вместе не может быть больше, "
    "чем всего записано пользователей."
)
REMOTE_USERS_ABOVE_USERS = _(
    "Удалённых пользователей не может быть больше, чем всего записано пользователей."
)
EVENT_VISITS_ABOVE_VISITS = _("Посещений мероприятий не может быть больше, чем всего посещений.")
REMOTE_VISITS_ABOVE_VISITS = _("Удалённых обращений не может быть больше, чем всего посещений.")
KAZAKH_LOANS_ABOVE_LOANS = _("Выдано на казахском языке не может быть больше, чем выдано всего.")
KINDS_ABOVE_LOANS = _(
    "Книг, периодики и электронных документов вместе не может быть больше, чем выдано всего."
)
DAY_ROW_EXISTS = _("За этот день строка дневника уже внесена: измените ту строку.")
MONTH_ROW_EXISTS = _(
    "За %(month)s уже внесён итог месяца одной строкой: дни этого месяца вносить нельзя, "
    "измените итог месяца."
)
DAYS_EXIST = _(
    "За %(month)s уже внесены строки по дням (%(count)s): итог месяца одной строкой "
    "внести нельзя, иначе дни посчитаются дважды."
)

# Every count of a row, in the order of the paper log's columns.
COUNT_FIELDS = (
    "users",
    "users_children",
    "users_youth",
    "users_remote",
    "visits",
    "visits_events",
    "visits_remote",
    "loans",
    "loans_kk",
    "loans_books",
    "loans_periodicals",
    "loans_electronic",
    "references",
)


def _count(label, help_text=""):
    return models.PositiveIntegerField(label, default=0, help_text=help_text)


class WorkLogEntry(DatedLibraryFact):
    """One row of a library's work log: a day, or a whole month in one row."""

    class Span(models.TextChoices):
        DAY = "day", _("за день")
        MONTH = "month", _("за месяц")

    span = models.CharField(
        _("строка"),
        max_length=5,
        choices=Span.choices,
        default=Span.DAY,
        help_text=_("«За месяц» — итог месяца одной строкой; дата — любой день этого месяца."),
    )
    users = _count(_("записано пользователей"), _("Новые и перерегистрированные за день."))
    users_children = _count(_("в т.ч. дети до 14 лет"))
    users_youth = _count(_("в т.ч. молодёжь 15–30 лет"))
    users_remote = _count(_("в т.ч. удалённые пользователи"))
    visits = _count(_("посещений"))
    visits_events = _count(_("в т.ч. мероприятий"))
    visits_remote = _count(_("в т.ч. удалённых (сайт, страницы)"))
    loans = _count(_("выдано документов"))
    loans_kk = _count(_("в т.ч. на казахском языке"))
    loans_books = _count(_("в т.ч. книг"))
    loans_periodicals = _count(_("в т.ч. периодики"))
    loans_electronic = _count(_("в т.ч. электронных документов"))
    references = _count(
        _("справок"),
        _("Все справки. Виртуальные справки вносятся в «Виртуальные библиографические справки»."),
    )
    note = models.CharField(_("примечание"), max_length=300, blank=True)

    # A day's row lies inside an opened period: every write checks it (branches.facts).
    needs_open_period = True

    # Admin forms show each constraint's message next to this field.
    constraint_error_fields = {
        "worklog_unique_row": "date",
        "worklog_not_negative": "users",
        "worklog_children_youth_within_users": "users_children",
        "worklog_remote_users_within_users": "users_remote",
        "worklog_event_visits_within_visits": "visits_events",
        "worklog_remote_visits_within_visits": "visits_remote",
        "worklog_kazakh_loans_within_loans": "loans_kk",
        "worklog_kinds_within_loans": "loans_books",
    }

    class Meta:
        verbose_name = _("строка дневника работы")
        verbose_name_plural = _("дневник работы")
        ordering = ["-date", "library__order"]
        indexes = [models.Index(fields=["library", "date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "date", "span"],
                name="worklog_unique_row",
                violation_error_message=DAY_ROW_EXISTS,
            ),
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 0 for name in COUNT_FIELDS}),
                name="worklog_not_negative",
                violation_error_message=NOT_NEGATIVE,
            ),
            parts_within(
                "worklog_children_youth_within_users",
                "users",
                "users_children",
                "users_youth",
                message=CHILDREN_YOUTH_ABOVE_USERS,
            ),
            parts_within(
                "worklog_remote_users_within_users",
                "users",
                "users_remote",
                message=REMOTE_USERS_ABOVE_USERS,
            ),
            parts_within(
                "worklog_event_visits_within_visits",
                "visits",
                "visits_events",
                message=EVENT_VISITS_ABOVE_VISITS,
            ),
            parts_within(
                "worklog_remote_visits_within_visits",
                "visits",
                "visits_remote",
                message=REMOTE_VISITS_ABOVE_VISITS,
            ),
            parts_within(
                "worklog_kazakh_loans_within_loans",
                "loans",
                "loans_kk",
                message=KAZAKH_LOANS_ABOVE_LOANS,
            ),
            parts_within(
                "worklog_kinds_within_loans",
                "loans",
                "loans_books",
                "loans_periodicals",
                "loans_electronic",
                message=KINDS_ABOVE_LOANS,
            ),
        ]

    def __str__(self) -> str:
        when = f"{self.date:%m.%Y}" if self.span == self.Span.MONTH else f"{self.date:%d.%m.%Y}"
        return f"{self.library} {when}"

    def clean(self):
        if self.span == self.Span.MONTH and self.date:
            # A month's row is dated its first day, so it is unique per month.
            self.date = self.date.replace(day=1)
        super().clean()
        if self.date and self.library_id:
            self._refuse_days_and_month_together()

    def _refuse_days_and_month_together(self):
        """A month is logged by days or as one total, never both: it would count twice."""
        first = self.date.replace(day=1)
        next_month = (first + datetime.timedelta(days=32)).replace(day=1)
        in_month = WorkLogEntry.objects.filter(
            library_id=self.library_id, date__gte=first, date__lt=next_month
        ).exclude(pk=self.pk)
        month = f"{first:%m.%Y}"
        if self.span == self.Span.DAY and in_month.filter(span=self.Span.MONTH).exists():
            raise ValidationError(
                {"date": ValidationError(MONTH_ROW_EXISTS, params={"month": month})}
            )
        if self.span == self.Span.MONTH:
            days = in_month.filter(span=self.Span.DAY).count()
            if days:
                raise ValidationError(
                    {"span": ValidationError(DAYS_EXIST, params={"month": month, "count": days})}
                )
