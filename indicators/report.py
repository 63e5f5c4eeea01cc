"""Sections I and II of the half-year report, built from the indicators' selectors.

`indicators_collect` reads everything once (a fixed number of queries); the
section builders only arrange it into `reportkit.data` tables. In the XLSX every
% and ratio cell is a formula over the figures of its row (`Table.formulas`),
the total row's included, and the other totals are =SUM()s of the libraries'
rows (reports/renderers/xlsx.py).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from branches.calendar import Span
from branches.models import Library, ReportingPeriod
from indicators.selectors import library_states_at, staff_states_at
from indicators.summary import PLANNED, ControlRow, ControlSummary, control_summary, plan_labels
from reportkit import sections as S
from reportkit.data import HeaderCell, Paragraph, Row, Section, Table
from reportkit.parts import Part, ReportContext


@dataclass
class IndicatorsCollected:
    summary: ControlSummary
    states: dict
    staff: dict


def indicators_collect(
    *, span: Span, library_ids: list[int], now: dict | None = None
) -> IndicatorsCollected:
    """Eight queries (seven with `now`, the span's work-log figures as
    figures.reader.figures_read returns them; one more when the year before has
    periods, whose virtual references are read): last year's periods, the library
    states, the staff states and the control summary."""
    last_year = list(
        ReportingPeriod.objects.filter(
            organization=span.organization,
            year=span.year - 1,
            **({"half": span.half} if span.half else {}),
        ).values_list("pk", flat=True)
    )
    states = library_states_at(library_ids=library_ids, day=span.end)
    summary = control_summary(
        library_ids=library_ids, start=span.start, end=span.end, year=span.year, half=span.half,
        period_ids=span.period_ids, period_ids_last_year=last_year, states=states, now=now,
    )  # fmt: skip
    return IndicatorsCollected(
        summary=summary,
        states=states,
        staff=staff_states_at(library_ids=library_ids, day=span.end),
    )


# Where the ratios table's long Russian header words may break (soft hyphens): eleven
# columns fit the DOCX's page without a word split anywhere else. The XLSX drops them.
SOFT_HYPHEN = "\u00ad"
_BREAKS = {
    word.replace("-", ""): word.replace("-", SOFT_HYPHEN)
    for word in (
        "Пользо-вателей", "Посе-щений", "Книго-выдача", "Насе-ление", "обслу-живания",
        "Читае-мость", "Посещае-мость", "Обращае-мость", "Книго-обеспе-ченность",
        "насе-ления",
    )
}  # fmt: skip


def _breakable(text: str) -> str:
    return " ".join(_BREAKS.get(word, word) for word in text.split(" "))


def _value(number):
    """Report data holds plain numbers: a Decimal becomes a float, unknown stays None."""
    return float(number) if isinstance(number, Decimal) else number


def _sum(values):
    return sum(v for v in values if v is not None)


# --- I. The network -------------------------------------------------------------


def network_blocks(libraries: list[Library], data: IndicatorsCollected, language: str) -> list:
    rows, staff_rows = [], []
    for library in libraries:
        state, staff = data.states.get(library.pk), data.staff.get(library.pk)
        rows.append(
            Row(
                [
                    library.abbreviation(),
                    library.get_kind_display(),
                    state.get_settlement_display() if state else None,
                    state.address if state and state.address else None,
                    *(
                        [
                            state.population,
                            _value(state.area),
                            state.seats,
                            state.seats_computers,
                            state.seats_internet,
                            state.computers,
                            state.outreach_points,
                        ]
                        if state
                        else [None] * 7
                    ),
                ]
            )
        )
        staff_rows.append(Row([library.abbreviation(), *_staff_cells(staff)]))
    staff_totals = [_sum(r.cells[c] for r in staff_rows) for c in range(1, 11)]
    staff_rows.append(Row([_("Всего по ЦБС"), *staff_totals], kind="total"))
    # Two tables of the same rows: the libraries, then their premises and equipment.
    libraries_rows = [Row(r.cells[:5]) for r in rows]
    libraries_rows.append(
        Row([_("Всего по ЦБС"), None, None, None, _sum(r.cells[4] for r in rows)], kind="total")
    )
    premises_rows = [Row([r.cells[0], *r.cells[5:]]) for r in rows]
    premises_totals = [_sum(r.cells[c] for r in rows) for c in range(5, 11)]
    premises_rows.append(Row([_("Всего по ЦБС"), *premises_totals], kind="total"))
    network = Table(
        title=_("Библиотеки"),
        header=[
            [
                HeaderCell(_("Библиотека")),
                HeaderCell(_("Вид")),
                HeaderCell(_("Местность")),
                HeaderCell(_("Адрес")),
                HeaderCell(_("Население зоны обслуживания")),
            ]
        ],
        rows=libraries_rows,
        widths=[1.2, 2.2, 1.2, 2.6, 1.4],
    )
    premises = Table(
        title=_("Помещения и оборудование"),
        header=[
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                HeaderCell(_("Площадь, м²"), rowspan=2),
                HeaderCell(_("Посадочных мест"), colspan=3),
                HeaderCell(_("Компьютеров"), rowspan=2),
                HeaderCell(_("Пунктов внестационарного обслуживания"), rowspan=2),
            ],
            [
                HeaderCell(_("всего")),
                HeaderCell(_("с компьютерами")),
                HeaderCell(_("с интернетом")),
            ],
        ],
        rows=premises_rows,
        widths=[1.2, 1, 1, 1.2, 1.2, 1.1, 1.6],
    )
    staff_table = Table(
        title=_("Кадры"),
        header=[
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                HeaderCell(_("Работников, чел."), rowspan=2),
                HeaderCell(_("Штатных единиц"), rowspan=2),
                HeaderCell(_("Библиотечное образование"), colspan=2),
                HeaderCell(_("Возраст"), colspan=3),
                HeaderCell(_("Стаж работы"), colspan=3),
            ],
            [
                HeaderCell(_("высшее")),
                HeaderCell(_("среднее специальное")),
                HeaderCell(_("до 30 лет")),
                HeaderCell(_("30–55 лет")),
                HeaderCell(_("старше 55 лет")),
                HeaderCell(_("до 3 лет")),
                HeaderCell(_("3–10 лет")),
                HeaderCell(_("более 10 лет")),
            ],
        ],
        rows=staff_rows,
        widths=[1.2] + [0.8] * 10,
    )
    return [network, premises, staff_table]


def _staff_cells(staff) -> list:
    if staff is None:
        return [None] * 10
    return [
        staff.persons,
        _value(staff.posts),
        staff.higher_education,
        staff.secondary_education,
        staff.age_under_30,
        staff.age_30_55,
        staff.age_over_55,
        staff.service_under_3,
        staff.service_3_10,
        staff.service_over_10,
    ]


# --- II. The control indicators -----------------------------------------------


def _control_cells(row: ControlRow, name: str) -> list:
    control = row.control(name)
    return [
        control.plan,
        control.done,
        _value(control.percent),
        control.last_year,
        _value(control.change),
    ]


def _ratio_cells(row: ControlRow) -> list:
    f, r = row.figures, row.ratios
    return [
        f.users,
        f.visits,
        f.loans,
        row.fund,
        row.population,
        *(_value(v) for v in (r.reading, r.attendance, r.turnover, r.provision, r.coverage)),
    ]


def _parts_cells(row: ControlRow) -> list:
    f = row.figures
    return [
        f.users, f.users_children, f.users_youth, f.users_remote, f.visits, f.visits_events,
        f.visits_remote, f.loans, f.loans_kk, f.loans_books, f.loans_periodicals,
        f.loans_electronic, f.references, f.references_virtual,
    ]  # fmt: skip


# Excel formulas beside the printed % and ratios: blank when the divisor is.
def _percent_formula(done: str, plan: str) -> str:
    return f'IF(OR({{{plan}}}="",{{{plan}}}=0),"",ROUND({{{done}}}/{{{plan}}}*100,1))'


def _change_formula(now: str, before: str) -> str:
    return f'IF(OR({{{before}}}="",{{{before}}}=0),"",ROUND(({{{now}}}-{{{before}}})/{{{before}}}*100,1))'


def control_blocks(libraries: list[Library], data: IndicatorsCollected, span: Span) -> list:
    summary = data.summary
    named = list(zip([lib.abbreviation() for lib in libraries], summary.rows, strict=True))
    total_label = _("Всего по ЦБС")
    figure_titles = [_("Пользователи"), _("Посещения"), _("Книговыдача")]
    # A table per planned figure: plan (B), done (C), % (D), last year (E), change (F).
    # The year's plan set against a half says so, with the pace expected by then.
    plan_word, percent_word, pace = plan_labels(summary)
    if summary.annual_plan:
        heading = _("%(figure)s: выполнение годового плана %(span)s")
    else:
        heading = _("%(figure)s: выполнение плана %(span)s")
    control = [
        Table(
            title=heading % {"figure": title, "span": span.during_label}
            + (f" ({pace})" if pace else ""),
            header=[
                [
                    HeaderCell(_("Библиотека")),
                    HeaderCell(plan_word),
                    HeaderCell(_("выполнено")),
                    HeaderCell(percent_word),
                    HeaderCell(_("прошлый год")),
                    HeaderCell(_("изменение, %")),
                ]
            ],
            rows=[Row([lib, *_control_cells(row, name)]) for lib, row in named]
            + [Row([total_label, *_control_cells(summary.total, name)], kind="total")],
            widths=[1.6, 1, 1, 1, 1, 1],
            formulas={"D": _percent_formula("C", "B"), "F": _change_formula("C", "E")},
        )
        for name, title in zip(PLANNED, figure_titles, strict=True)
    ]
    ratios = Table(
        title=_("Относительные показатели"),
        header=[
            [
                HeaderCell(_breakable(_("Библиотека"))),
                HeaderCell(_breakable(_("Пользователей"))),
                HeaderCell(_breakable(_("Посещений"))),
                HeaderCell(_breakable(_("Книговыдача"))),
                HeaderCell(_("Фонд %(end)s, экз.") % {"end": span.end_label}),
                HeaderCell(_breakable(_("Население зоны обслуживания"))),
                HeaderCell(_breakable(_("Читаемость"))),
                HeaderCell(_breakable(_("Посещаемость"))),
                HeaderCell(_breakable(_("Обращаемость"))),
                HeaderCell(_breakable(_("Книгообеспеченность"))),
                HeaderCell(_breakable(_("Охват населения, %"))),
            ]
        ],
        rows=[Row([name, *_ratio_cells(row)]) for name, row in named]
        + [Row([total_label, *_ratio_cells(summary.total)], kind="total")],
        widths=[1.2] + [0.9] * 10,
        formulas={
            "G": _ratio_formula("D", "B"),  # читаемость: loans per user
            "H": _ratio_formula("C", "B"),  # посещаемость: visits per user
            "I": _ratio_formula("D", "E"),  # обращаемость: loans per copy
            "J": _ratio_formula("E", "B"),  # книгообеспеченность: copies per user
            "K": _ratio_formula("B", "F", 100),  # охват: users per 100 residents
        },
    )
    users_visits = Table(
        title=_("Пользователи и посещения, в том числе"),
        header=[
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                HeaderCell(_("Пользователи"), colspan=4),
                HeaderCell(_("Посещения"), colspan=3),
            ],
            [
                HeaderCell(_("всего")),
                HeaderCell(_("дети до 14 лет")),
                HeaderCell(_("молодёжь 15–30 лет")),
                HeaderCell(_("удалённые")),
                HeaderCell(_("всего")),
                HeaderCell(_("мероприятий")),
                HeaderCell(_("удалённых")),
            ],
        ],
        rows=[Row([name, *_parts_cells(row)[:7]]) for name, row in named]
        + [Row([total_label, *_parts_cells(summary.total)[:7]], kind="total")],
        widths=[1.6] + [1] * 7,
    )
    loans_references = Table(
        title=_("Книговыдача и справки, в том числе"),
        header=[
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                HeaderCell(_("Книговыдача"), colspan=5),
                HeaderCell(_("Справки"), colspan=2),
            ],
            [
                HeaderCell(_("всего")),
                HeaderCell(_("на казахском языке")),
                HeaderCell(_("книг")),
                HeaderCell(_("периодики")),
                HeaderCell(_("электронных документов")),
                HeaderCell(_("всего")),
                HeaderCell(_("виртуальных")),
            ],
        ],
        rows=[Row([name, *_parts_cells(row)[7:]]) for name, row in named]
        + [Row([total_label, *_parts_cells(summary.total)[7:]], kind="total")],
        widths=[1.6] + [1] * 7,
    )
    footnote = Paragraph(
        _(
            "Пользователь учитывается один раз в календарном году: пользователи периода — "
            "записанные и перерегистрированные с 1 января по конец периода. Читаемость — "
            "книговыдача на пользователя, посещаемость — посещения на пользователя, "
            "обращаемость — книговыдача на экземпляр фонда на конец периода, "
            "книгообеспеченность — экземпляров фонда на пользователя, охват — пользователей "
            "на 100 жителей зоны обслуживания. План полугодия — годовой, если план полугодия "
            "не задан. Пустая клетка — нет плана, данных прошлого года, фонда или "
            "численности населения."
        ),
        style="body",
    )
    return [*control, ratios, users_visits, loans_references, footnote]


def _ratio_formula(numerator: str, denominator: str, scale: int = 1) -> str:
    """Blank, as printed, when either figure is unknown (a blank cell would count as 0)
    or the denominator is 0."""
    times = f"*{scale}" if scale != 1 else ""
    return (
        f'IF(OR({{{numerator}}}="",{{{denominator}}}="",{{{denominator}}}=0),"",'
        f"ROUND({{{numerator}}}{times}/{{{denominator}}},1))"
    )


def section_with(section: Section, blocks: list, *, landscape: bool = False) -> Section:
    """`section` with `blocks`; its 11–16 columns print on landscape pages in the DOCX."""
    section.blocks.extend(blocks)
    section.landscape = landscape
    return section


# --- The report's part ---------------------------------------------------------------


def indicators_read(context: ReportContext) -> IndicatorsCollected:
    """`indicators_collect`'s queries, with the span's work-log figures the figures
    reader already read."""
    return indicators_collect(
        span=context.span, library_ids=context.library_ids, now=context.figures.indicators
    )


def indicators_sections(context: ReportContext, data: IndicatorsCollected) -> list[Section]:
    network = network_blocks(context.libraries, data, context.language)
    control = control_blocks(context.libraries, data, context.span)
    return [
        section_with(context.section(S.NETWORK), network, landscape=True),
        section_with(context.section(S.CONTROL), control, landscape=True),
    ]


PARTS = (Part(sections=(S.NETWORK, S.CONTROL), read=indicators_read, build=indicators_sections),)
