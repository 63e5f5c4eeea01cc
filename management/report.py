"""The annual report's sections «Методическая работа и повышение квалификации кадров» and
«Финансирование и материально-техническая база» (year only: `reportkit.sections`
ANNUAL_SECTIONS). The libraries' premises are added to the finance section by
indicators (`indicators/premises.py`), whose states they are; their staff by education,
age and years of service is section I's.

Each table has a column per half-year and the year's: the year is their sum (the XLSX
writes it as a formula), a half without a row prints «нет данных» and the year then says
«по 1 из 2 полугодий». Money tables add their parts up to a total row (the XLSX: =SUM()).
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from management.selectors import SpanRows, finance_of, methodical_of
from reportkit import sections as S
from reportkit.data import Figure as SentenceFigure
from reportkit.data import HeaderCell, Paragraph, Row, Table
from reportkit.parts import Part, register_part
from reportkit.text import number

NO_DATA = gettext_lazy("нет данных")

BUDGET_ROWS = (
    ("budget_local", gettext_lazy("Местный бюджет")),
    ("budget_paid", gettext_lazy("Платные услуги")),
    ("budget_sponsorship", gettext_lazy("Спонсорская помощь")),
    ("budget_grants", gettext_lazy("Гранты")),
    ("budget_other", gettext_lazy("Другие источники")),
)
SPENT_ROWS = (
    ("spent_salaries", gettext_lazy("Заработная плата")),
    ("spent_acquisition", gettext_lazy("Комплектование фонда")),
    ("spent_subscriptions", gettext_lazy("Подписка на периодические издания")),
    ("spent_repairs", gettext_lazy("Ремонт")),
    ("spent_equipment", gettext_lazy("Оборудование")),
    ("spent_events", gettext_lazy("Мероприятия")),
    ("spent_other", gettext_lazy("Прочие расходы")),
)
CONSULTATION_ROWS = (
    ("consultations_individual", gettext_lazy("индивидуальные")),
    ("consultations_group", gettext_lazy("групповые")),
)
METHODICAL_ROWS = (
    ("seminars", gettext_lazy("Семинары")),
    ("practicums", gettext_lazy("Практикумы")),
    ("visits", gettext_lazy("Методические выезды в библиотеки")),
    ("publications", gettext_lazy("Методические издания")),
)
TRAINING_ROWS = (
    ("courses", gettext_lazy("Курсы повышения квалификации")),
    ("trained", gettext_lazy("Работников прошли обучение, чел.")),
    ("certified", gettext_lazy("Работников аттестовано, чел.")),
)


def _header(first: str, span) -> list[list[HeaderCell]]:
    return [
        [
            HeaderCell(first),
            HeaderCell(_("1 полугодие")),
            HeaderCell(_("2 полугодие")),
            HeaderCell(_("%(year)s год") % {"year": span.year}),
        ]
    ]


def _value(value, money: bool):
    return round(float(value), 1) if money else int(value)


def _cells(rows: SpanRows, name: str, money: bool) -> list:
    """The halves' values and the year's: a half without a row is «нет данных»; the
    year is the known halves' sum, a word «… (по 1 из 2 полугодий)» when one is missing."""
    halves = []
    for half in (1, 2):
        row = rows.by_half.get(half)
        halves.append(str(NO_DATA) if row is None else _value(_field(row, name), money))
    known = [value for value in halves if not isinstance(value, str)]
    if not known:
        year = str(NO_DATA)
    elif len(known) < rows.expected:
        year = _("%(value)s (по %(known)s из %(of)s полугодий)") % {
            "value": number(sum(known)),
            "known": len(known),
            "of": rows.expected,
        }
    else:
        year = round(sum(known), 1) if money else sum(known)
    return [*halves, year]


def _field(row: dict, name: str):
    if name == "consultations_individual":
        return row["consultations"] - row["consultations_group"]
    return row[name]


def _table(title, first, span, rows: SpanRows, items, *, money, total=None) -> Table:
    body = [Row([str(label), *_cells(rows, name, money)]) for name, label in items]
    if total is not None:
        name, label = total
        body.append(Row([str(label), *_cells(rows, name, money)], kind="total"))
    return Table(
        title=title,
        header=_header(first, span),
        rows=body,
        widths=[3.2, 1.2, 1.2, 1.6],
        # The year is its halves' sum (a row with a half unknown keeps its printed words).
        formulas={"D": "{B}+{C}"},
    )


# Methodical work -------------------------------------------------------------------------


def methodical_read(context):
    return methodical_of(organization=context.organization, span=context.span)


def methodical_blocks(context, rows: SpanRows) -> list:
    if not rows.known:
        return [Paragraph(str(NO_DATA))]
    span = context.span
    return [
        _table(
            _("Консультации"),
            _("Вид консультаций"),
            span,
            rows,
            CONSULTATION_ROWS,
            money=False,
            total=("consultations", _("Всего консультаций")),
        ),
        _table(
            _("Формы методической работы"),
            _("Форма работы"),
            span,
            rows,
            METHODICAL_ROWS,
            money=False,
        ),
        _table(
            _("Повышение квалификации работников"),
            _("Показатель"),
            span,
            rows,
            TRAINING_ROWS,
            money=False,
        ),
    ]


# Finance ---------------------------------------------------------------------------------


def finance_read(context):
    return finance_of(organization=context.organization, span=context.span)


def finance_blocks(context, rows: SpanRows) -> list:
    blocks = []
    span, unit = context.span, _("тыс. тенге")
    if rows.known:
        blocks += [
            _table(
                _("Бюджет ЦБС по источникам финансирования, тыс. тенге"),
                _("Источник"),
                span,
                rows,
                BUDGET_ROWS,
                money=True,
                total=("budget_total", _("Всего")),
            ),
            _table(
                _("Расходы ЦБС по статьям, тыс. тенге"),
                _("Статья расходов"),
                span,
                rows,
                SPENT_ROWS,
                money=True,
                total=("spent_total", _("Всего израсходовано")),
            ),
        ]
        blocks.append(_paid_income(rows, unit))
    else:
        blocks.append(Paragraph(_("Бюджет и расходы ЦБС: %(no)s.") % {"no": NO_DATA}))
    blocks.append(_acquisition_table(context))
    return blocks


def _paid_income(rows: SpanRows, unit: str) -> Paragraph:
    """The paid services' income of the halves entered (the year's «по 1 из 2» if not both)."""
    label = _("Доходы от платных услуг")
    value = round(float(sum(row["paid_income"] for row in rows.by_half.values())), 1)
    text = f"{label}: {number(value)} {unit}"
    if rows.halves < rows.expected:
        text += " " + _("(по %(known)s из %(of)s полугодий)") % {
            "known": rows.halves,
            "of": rows.expected,
        }
        return Paragraph(f"{text}.")
    return Paragraph(f"{text}.", figures=[SentenceFigure(label, value, unit)])


def _acquisition_table(context) -> Table | Paragraph:
    """The acquisition budget by funding source (holdings' rows, as section III prints
    them) beside the whole budget: read once by the figures reader."""
    budget = context.figures.budget
    title = _("Бюджет комплектования по источникам поступления, тыс. тенге")
    if not budget:
        return Paragraph(f"{title}: {NO_DATA}.")
    language = context.language
    body = [Row([row.name(language), round(float(row.money or 0), 1)]) for row in budget]
    total = sum((row.money or Decimal(0) for row in budget), Decimal(0))
    body.append(Row([_("Всего"), round(float(total), 1)], kind="total"))
    header = [[HeaderCell(_("Источник")), HeaderCell(_("тыс. тенге"))]]
    return Table(title=title, header=header, rows=body, widths=[4.0, 1.6])


PARTS = (
    Part(sections=(S.METHODICAL_WORK,), build=methodical_blocks, read=methodical_read),
    Part(sections=(S.FINANCE,), build=finance_blocks, read=finance_read),
)


def register_parts() -> None:
    for part in PARTS:
        register_part(part)
