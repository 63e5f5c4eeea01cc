"""The library's collection and its readers beyond the work log (issue 27, the annual report).

- the fund's structure at the end of a half-year: by kind of document, by language and by
  branch of knowledge (the ББК groups of a pick list);
- the subscriptions to periodicals for a half-year;
- the users by group (age, of adults pensioners and people with disabilities, occupation
  where kept), counted from 1 January as the work log counts its users;
- the outreach service: outreach points and the librarians' mobile visits.

Every row is a library's for a half-year (`LibraryPeriodFact`): the closed period and the
hand-in lock apply on every door. A year's figure follows from its halves by each figure's
rule (branches.kinds): a state (the fund, the users since 1 January) is the latest half's,
a flow (copies subscribed, visits, loans) their sum.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from branches.facts import LibraryPeriodFact
from branches.lists import ListItem


def _note():
    return models.CharField(_("примечание"), max_length=300, blank=True)


def _count(label, **kwargs):
    return models.PositiveIntegerField(label, default=0, **kwargs)


def _not_negative(name: str, *fields: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 0 for field in fields}),
        name=name,
        violation_error_message=_("Показатели не могут быть отрицательными."),
    )


def _unique_per_period(name: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["library", "period"],
        name=name,
        violation_error_message=_("Эти показатели библиотеки за период уже внесены."),
    )


def _of_them(name: str, part: str, whole: str, message) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{whole}__gte": F(part)}), name=name, violation_error_message=message
    )


class KnowledgeBranch(ListItem):
    """A group of the ББК (library-bibliographic classification) the ЦБС counts its fund by."""

    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("отрасль знаний (ББК)")
        verbose_name_plural = _("отрасли знаний (ББК)")


class FundStructure(LibraryPeriodFact):
    """A library's fund at the end of a half-year by kind of document and by language.

    Entered per half-year as a state at its end (1 July, 1 January), as the fund ledger
    dates its states: a year's structure is its second half's, and a half-year report can
    print it too. Each breakdown adds up to the total.
    """

    total = _count(_("всего экземпляров"))
    books = _count(_("книги"))
    periodicals = _count(_("периодические издания"))
    electronic = _count(_("электронные издания"))
    audiovisual = _count(_("аудиовизуальные документы"))
    other_media = _count(_("прочие документы"))
    kazakh = _count(_("на казахском языке"))
    russian = _count(_("на русском языке"))
    other_languages = _count(_("на других языках"))
    note = _note()

    constraint_error_fields = {
        "fund_structure_unique": "period",
        "fund_structure_kinds_add_up": "books",
        "fund_structure_languages_add_up": "kazakh",
        "fund_structure_not_negative": "total",
    }

    class Meta:
        verbose_name = _("структура фонда")
        verbose_name_plural = _("структура фонда")
        ordering = ["-period__year", "-period__half", "library__order"]
        constraints = [
            _unique_per_period("fund_structure_unique"),
            _not_negative(
                "fund_structure_not_negative",
                "total",
                "books",
                "periodicals",
                "electronic",
                "audiovisual",
                "other_media",
                "kazakh",
                "russian",
                "other_languages",
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(
                    total=F("books")
                    + F("periodicals")
                    + F("electronic")
                    + F("audiovisual")
                    + F("other_media")
                ),
                name="fund_structure_kinds_add_up",
                violation_error_message=_(
                    "Книги, периодические, электронные, аудиовизуальные и прочие документы "
                    "в сумме должны составлять весь фонд."
                ),
            ),
            models.CheckConstraint(
                condition=Q(total=F("kazakh") + F("russian") + F("other_languages")),
                name="fund_structure_languages_add_up",
                violation_error_message=_(
                    "Документы на казахском, русском и других языках в сумме должны "
                    "составлять весь фонд."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.total}"


class FundBranchCopies(LibraryPeriodFact):
    """A library's copies of one branch of knowledge at the end of a half-year."""

    branch = models.ForeignKey(
        KnowledgeBranch, verbose_name=_("отрасль знаний"), on_delete=models.PROTECT
    )
    copies = _count(_("экземпляров"))
    note = _note()

    constraint_error_fields = {
        "fund_branch_unique": "branch",
        "fund_branch_not_negative": "copies",
    }

    class Meta:
        verbose_name = _("фонд по отраслям знаний")
        verbose_name_plural = _("фонд по отраслям знаний")
        ordering = ["-period__year", "-period__half", "library__order", "branch__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "period", "branch"],
                name="fund_branch_unique",
                violation_error_message=_(
                    "Фонд этой библиотеки за период по этой отрасли знаний уже внесён."
                ),
            ),
            _not_negative("fund_branch_not_negative", "copies"),
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.branch} {self.copies}"


class Subscription(LibraryPeriodFact):
    """A library's subscription to periodicals for a half-year (the post's campaigns are
    per half-year): titles, copies and their cost in whole tenge; of them in Kazakh."""

    titles = _count(_("наименований"))
    titles_kk = _count(_("наименований на казахском языке"))
    copies = _count(_("экземпляров (комплектов)"))
    copies_kk = _count(_("экземпляров на казахском языке"))
    amount = _count(_("сумма, тенге"))
    note = _note()

    constraint_error_fields = {
        "subscription_unique": "period",
        "subscription_not_negative": "titles",
        "subscription_titles_kk": "titles_kk",
        "subscription_copies_kk": "copies_kk",
        "subscription_titles_copies": "copies",
    }

    class Meta:
        verbose_name = _("подписка на периодические издания")
        verbose_name_plural = _("подписка на периодические издания")
        ordering = ["-period__year", "-period__half", "library__order"]
        constraints = [
            _unique_per_period("subscription_unique"),
            _not_negative(
                "subscription_not_negative", "titles", "titles_kk", "copies", "copies_kk", "amount"
            ),
            _of_them(
                "subscription_titles_kk",
                "titles_kk",
                "titles",
                _("Наименований на казахском языке не может быть больше всех наименований."),
            ),  # fmt: skip
            _of_them(
                "subscription_copies_kk",
                "copies_kk",
                "copies",
                _("Экземпляров на казахском языке не может быть больше всех экземпляров."),
            ),  # fmt: skip
            _of_them(
                "subscription_titles_copies",
                "titles",
                "copies",
                _("Экземпляров не может быть меньше наименований."),
            ),  # fmt: skip
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.titles}"


class UserGroups(LibraryPeriodFact):
    """A library's users by group from 1 January to the end of the half-year.

    A reader counts once a year, as in the work log: the first half's row counts the
    users of January–June, the second half's those of the whole year. So any span's
    figure is its last half's row, and it equals the work log's users of that span.
    """

    total = _count(_("пользователей, всего"))
    children = _count(_("дети до 14 лет"))
    youth = _count(_("молодёжь 15–30 лет"))
    adults = _count(_("взрослые старше 30 лет"))
    pensioners = _count(_("из взрослых — пенсионеры"))
    disabled = _count(_("люди с инвалидностью"))
    # By occupation: where the library keeps it; empty means not kept (not 0).
    students = models.PositiveIntegerField(
        _("учащиеся и студенты"), null=True, blank=True, help_text=_("Пусто — не учитывается.")
    )
    employed = models.PositiveIntegerField(
        _("работающие"), null=True, blank=True, help_text=_("Пусто — не учитывается.")
    )
    note = _note()

    constraint_error_fields = {
        "user_groups_unique": "period",
        "user_groups_not_negative": "total",
        "user_groups_ages_add_up": "children",
        "user_groups_pensioners": "pensioners",
        "user_groups_disabled": "disabled",
        "user_groups_occupation": "students",
    }

    class Meta:
        verbose_name = _("пользователи по группам")
        verbose_name_plural = _("пользователи по группам")
        ordering = ["-period__year", "-period__half", "library__order"]
        constraints = [
            _unique_per_period("user_groups_unique"),
            _not_negative(
                "user_groups_not_negative",
                "total",
                "children",
                "youth",
                "adults",
                "pensioners",
                "disabled",
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(total=F("children") + F("youth") + F("adults")),
                name="user_groups_ages_add_up",
                violation_error_message=_(
                    "Дети, молодёжь и взрослые в сумме должны составлять всех пользователей."
                ),
            ),
            _of_them(
                "user_groups_pensioners",
                "pensioners",
                "adults",
                _("Пенсионеров не может быть больше взрослых пользователей."),
            ),  # fmt: skip
            _of_them(
                "user_groups_disabled",
                "disabled",
                "total",
                _("Людей с инвалидностью не может быть больше всех пользователей."),
            ),  # fmt: skip
            # Either left empty (not kept) or, together, no more than the users.
            models.CheckConstraint(
                condition=Q(students__isnull=True)
                | Q(employed__isnull=True)
                | Q(total__gte=F("students") + F("employed")),
                name="user_groups_occupation",
                violation_error_message=_(
                    "Учащихся и работающих вместе не может быть больше всех пользователей."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(students__isnull=True) | Q(total__gte=F("students")))
                & (Q(employed__isnull=True) | Q(total__gte=F("employed"))),
                name="user_groups_occupation_each",
                violation_error_message=_(
                    "Учащихся или работающих не может быть больше всех пользователей."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}: {self.total}"


class OutreachService(LibraryPeriodFact):
    """A library's service outside its walls in a half-year: at its outreach points (their
    number is the network's state, indicators.LibraryState.outreach_points) and by the
    librarians' mobile visits. Users count from 1 January, as in the work log; visits
    and loans are the half-year's."""

    points_users = _count(_("пункты: пользователей с начала года"))
    points_visits = _count(_("пункты: посещений"))
    points_loans = _count(_("пункты: книговыдача"))
    mobile_trips = _count(_("выездов библиотекарей"))
    mobile_users = _count(_("выезды: пользователей с начала года"))
    mobile_visits = _count(_("выезды: посещений"))
    mobile_loans = _count(_("выезды: книговыдача"))
    note = _note()

    constraint_error_fields = {
        "outreach_unique": "period",
        "outreach_not_negative": "points_users",
    }

    class Meta:
        verbose_name = _("внестационарное обслуживание")
        verbose_name_plural = _("внестационарное обслуживание")
        ordering = ["-period__year", "-period__half", "library__order"]
        constraints = [
            _unique_per_period("outreach_unique"),
            _not_negative(
                "outreach_not_negative",
                "points_users",
                "points_visits",
                "points_loans",
                "mobile_trips",
                "mobile_users",
                "mobile_visits",
                "mobile_loans",
            ),  # fmt: skip
        ]

    def __str__(self) -> str:
        return f"{self.library} {self.period.code}"
