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
from django.utils.translation import gettext_lazy

from branches.calendar import Span
from branches.models import Library, ReportingPeriod
from holdings.selectors import FundMovement
from indicators.comparison import comparison_for
from indicators.selectors import library_states_at, staff_states_at
from indicators.summary import PLANNED, ControlRow, ControlSummary, control_summary, plan_labels
from reportkit import sections as S
from reportkit.data import HeaderCell, Paragraph, Row, Section, Table
from reportkit.parts import Part, ReportContext
from reportkit.text import number


@dataclass
class IndicatorsCollected:
    summary: ControlSummary
    states: dict
    staff: dict


def indicators_collect(
    *,
    span: Span,
    library_ids: list[int],
    with_data: list[tuple],
    now: dict | None = None,
    fund: FundMovement | None = None,
) -> IndicatorsCollected:
    """Five queries with `now` (the span's work-log figures as figures.reader.figures_read
    returns them) and `fund` (its fund table, whose ЦБС total section III prints): the
    base's periods, the library states, the staff states and the control summary's work
    log of the base and plans; one more when the base has periods (its virtual
    references), one more in a second half (the year's flows so far). `with_data`: the
    half-years with data, which decide the comparison's base (`indicators.comparison`).
    """
    comparison = comparison_for(span.year, span.half, with_data)
    last_year = list(
        ReportingPeriod.objects.filter(
            organization=span.organization,
            year=comparison.base_year,
            **({"half": comparison.base_half} if comparison.base_half else {}),
        ).values_list("pk", flat=True)
    )
    states = library_states_at(library_ids=library_ids, day=span.end)
    funds = total_fund = None
    if fund is not None:
        funds = {row.library.pk: row.end.copies for row in fund.rows if row.end_known}
        total_fund = fund.total.end.copies
    summary = control_summary(
        library_ids=library_ids, start=span.start, end=span.end, year=span.year, half=span.half,
        period_ids=span.period_ids, period_ids_last_year=last_year, states=states, now=now,
        funds=funds, total_fund=total_fund, comparison=comparison,
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
        "Пользо-вателей", "Посе-щений", "Докумен-товыдача", "Насе-ление", "обслу-живания",
        "Читае-мость", "Посещае-мость", "Обращае-мость", "Докумен-тообеспе-ченность",
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

# What a library with no work-log row in the span prints instead of its figures.
NO_DATA = gettext_lazy("нет данных")


def _known(value):
    """A figure as printed: «нет данных» when unknown (None), never 0."""
    return str(NO_DATA) if value is None else _value(value)


def over_some(value: int, known: int, of: int) -> str:
    """A total over some of the libraries: «45 (по 1 из 2 библиотек)». A word, not a
    number: no formula computes a % or a ratio from it, nor a sum that would hide it."""
    return _("%(value)s (по %(known)s из %(of)s библиотек)") % {
        "value": number(value),
        "known": known,
        "of": of,
    }


def _control_cells(row: ControlRow, name: str) -> list:
    control = row.control(name)
    done, before = _known(control.done), _known(control.last_year)
    if row.partial:
        done = over_some(control.done, row.known, row.of)
    if row.partial_before:
        before = over_some(control.last_year, row.known_before, row.of)
    return [control.plan, done, _value(control.percent), before, _value(control.change)]


def _counts(row: ControlRow, values: list) -> list:
    """A row's counts as printed: «нет данных» when unknown, «… (по N из M библиотек)»
    in a total over some libraries."""
    if row.partial:
        return [over_some(value, row.known, row.of) for value in values]
    return [_known(value) for value in values]


def _ratio_cells(row: ControlRow, year_to_date: bool) -> list:
    f, r, flows = row.figures, row.ratios, row.flows
    if f is None:
        counts = [None] * (5 if year_to_date else 3)
    elif year_to_date:
        counts = [f.users, f.visits, flows.visits, f.loans, flows.loans]
    else:
        counts = [f.users, f.visits, f.loans]
    return [
        *_counts(row, counts),
        row.fund,
        row.population,
        *(_value(v) for v in (r.reading, r.attendance, r.turnover, r.provision, r.coverage)),
    ]


def _parts_cells(row: ControlRow) -> list:
    f = row.figures
    if f is None:
        return [str(NO_DATA)] * 14
    return _counts(row, [
        f.users, f.users_children, f.users_youth, f.users_remote, f.visits, f.visits_events,
        f.visits_remote, f.loans, f.loans_kk, f.loans_books, f.loans_periodicals,
        f.loans_electronic, f.references, f.references_virtual,
    ])  # fmt: skip


# Excel formulas beside the printed % and ratios: blank when a figure is not a number
# («нет данных») or the divisor is 0, as printed.
def _percent_formula(done: str, plan: str) -> str:
    return (
        f'IF(OR(NOT(ISNUMBER({{{done}}})),NOT(ISNUMBER({{{plan}}})),{{{plan}}}=0),"",'
        f"ROUND({{{done}}}/{{{plan}}}*100,1))"
    )


def _change_formula(now: str, before: str) -> str:
    return (
        f'IF(OR(NOT(ISNUMBER({{{now}}})),NOT(ISNUMBER({{{before}}})),{{{before}}}=0),"",'
        f"ROUND(({{{now}}}-{{{before}}})/{{{before}}}*100,1))"
    )


def _ratio_formula(numerator: str, denominator: str, scale: int = 1) -> str:
    """Blank, as printed, when either figure is unknown (a word or a blank cell, which
    would count as 0) or the denominator is 0."""
    times = f"*{scale}" if scale != 1 else ""
    return (
        f"IF(OR(NOT(ISNUMBER({{{numerator}}})),NOT(ISNUMBER({{{denominator}}})),"
        f'{{{denominator}}}=0),"",ROUND({{{numerator}}}{times}/{{{denominator}}},1))'
    )


def _control_tables(named, summary: ControlSummary, span: Span) -> list:
    total_label = _("Всего по ЦБС")
    figure_titles = [_("Пользователи"), _("Посещения"), _("Документовыдача")]
    # A table per planned figure: plan (B), done (C), % (D), the base (E), change (F).
    # The year's plan set against a half says so, with the pace expected by then.
    plan_word, percent_word, pace = plan_labels(summary)
    if summary.annual_plan:
        heading = _("%(figure)s: выполнение годового плана %(span)s")
    else:
        heading = _("%(figure)s: выполнение плана %(span)s")
    comparison = summary.comparison
    base = comparison.base_label if comparison.comparable else _("прошлый год")
    return [
        Table(
            title=heading % {"figure": title, "span": span.during_label}
            + (f" ({pace})" if pace else ""),
            header=[
                [
                    HeaderCell(_("Библиотека")),
                    HeaderCell(plan_word),
                    HeaderCell(_("выполнено")),
                    HeaderCell(percent_word),
                    HeaderCell(base),
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


def comparison_sentence(summary: ControlSummary) -> str:
    """What section II's changes are measured against, in the dashboard's words."""
    comparison = summary.comparison
    if comparison.comparable:
        return _(
            "Изменение, %% — %(against)s; у библиотеки без данных за один из периодов "
            "изменения нет."
        ) % {"against": comparison.against}
    return _("Изменение, %%: %(said)s.") % {"said": comparison.said}


def _ratios_table(named, summary: ControlSummary, span: Span) -> Table:
    to_date = summary.year_to_date
    head = [HeaderCell(_breakable(_("Библиотека")), rowspan=2 if to_date else 1)]
    if to_date:
        # A second half: users are the year's so far, so the ratios divide the year's
        # flows so far too; the half's own flows stand beside them.
        head += [
            HeaderCell(_breakable(_("Пользователей с начала года")), rowspan=2),
            HeaderCell(_breakable(_("Посещений")), colspan=2),
            HeaderCell(_breakable(_("Документовыдача")), colspan=2),
        ]
    else:
        head += [
            HeaderCell(_breakable(_("Пользователей"))),
            HeaderCell(_breakable(_("Посещений"))),
            HeaderCell(_breakable(_("Документовыдача"))),
        ]
    rest = [
        HeaderCell(_("Фонд %(end)s, экз.") % {"end": span.end_label}),
        HeaderCell(_breakable(_("Население зоны обслуживания"))),
        HeaderCell(_breakable(_("Читаемость"))),
        HeaderCell(_breakable(_("Посещаемость"))),
        HeaderCell(_breakable(_("Обращаемость"))),
        HeaderCell(_breakable(_("Документообеспеченность"))),
        HeaderCell(_breakable(_("Охват населения, %"))),
    ]
    if to_date:
        for cell in rest:
            cell.rowspan = 2
        half, year = _("за полугодие"), _("с начала года")
        header = [head + rest, [HeaderCell(half), HeaderCell(year)] * 2]
        # B users, C/D visits (half, year), E/F loans (half, year), G fund, H population
        users, visits, loans, fund, population = "B", "D", "F", "G", "H"
        ratio_columns = "IJKLM"
    else:
        header = [head + rest]
        users, visits, loans, fund, population = "B", "C", "D", "E", "F"
        ratio_columns = "GHIJK"
    reading, attendance, turnover, provision, coverage = ratio_columns
    return Table(
        title=_("Относительные показатели"),
        header=header,
        rows=[Row([name, *_ratio_cells(row, to_date)]) for name, row in named]
        + [Row([_("Всего по ЦБС"), *_ratio_cells(summary.total, to_date)], kind="total")],
        # A second half's four flow columns hold figures only: narrower, so the ratios'
        # long names keep their width.
        widths=[1.1, 1, 0.8, 0.8, 0.8, 0.8, 0.9, 0.9, 0.85, 0.95, 0.95, 1.25, 0.85]
        if to_date
        else [1.2] + [0.9] * 10,
        formulas={
            reading: _ratio_formula(loans, users),
            attendance: _ratio_formula(visits, users),
            turnover: _ratio_formula(loans, fund),
            provision: _ratio_formula(fund, users),
            coverage: _ratio_formula(users, population, 100),
        },
    )


def _ratios_footnote(summary: ControlSummary, span: Span) -> Paragraph:
    """What each ratio divides, and over which span."""
    if summary.year_to_date:
        text = _(
            "Пользователь учитывается один раз в календарном году: пользователи — "
            "записанные и перерегистрированные с 1 января по конец полугодия. Поэтому "
            "показатели второго полугодия делят цифры с начала года: читаемость — "
            "документовыдача с начала года на пользователя; посещаемость — посещения с "
            "начала года на пользователя; обращаемость — документовыдача с начала года на "
            "экземпляр фонда %(end)s; документообеспеченность — экземпляров фонда %(end)s на "
            "пользователя; охват — пользователей на 100 жителей зоны обслуживания. "
            "Посещения и документовыдача за само полугодие напечатаны рядом."
        )
    else:
        text = _(
            "Пользователь учитывается один раз в календарном году: пользователи — "
            "записанные и перерегистрированные с 1 января по конец периода. Читаемость — "
            "документовыдача за период на пользователя; посещаемость — посещения за период "
            "на пользователя; обращаемость — документовыдача за период на экземпляр фонда "
            "%(end)s; документообеспеченность — экземпляров фонда %(end)s на пользователя; "
            "охват — пользователей на 100 жителей зоны обслуживания."
        )
    tail = _(
        " Документовыдача включает книги, периодику и электронные документы. План "
        "полугодия — годовой, если план полугодия не задан. «Нет данных» — в дневнике "
        "работы библиотеки нет ни одной записи за период. Пустая клетка — нет плана, "
        "данных для сравнения, фонда или численности населения."
    )
    return Paragraph(text % {"end": span.end_label} + tail, style="body")


def control_blocks(libraries: list[Library], data: IndicatorsCollected, span: Span) -> list:
    summary = data.summary
    named = list(zip([lib.abbreviation() for lib in libraries], summary.rows, strict=True))
    total_label = _("Всего по ЦБС")
    control = _control_tables(named, summary, span)
    said = Paragraph(comparison_sentence(summary), style="body")
    users_visits = Table(
        title=_("Пользователи и посещения, в том числе"),
        header=[
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                HeaderCell(_("Пользователи"), colspan=4),
                HeaderCell(_("Посещения"), colspan=2),
                # 6-НК counts remote visits on a line of their own.
                HeaderCell(_("Обращения удалённых пользователей"), rowspan=2),
            ],
            [
                HeaderCell(_("всего")),
                HeaderCell(_("дети до 14 лет")),
                HeaderCell(_("молодёжь 15–30 лет")),
                HeaderCell(_("удалённые")),
                HeaderCell(_("всего")),
                HeaderCell(_("мероприятий")),
            ],
        ],
        rows=[Row([name, *_parts_cells(row)[:7]]) for name, row in named]
        + [Row([total_label, *_parts_cells(summary.total)[:7]], kind="total")],
        widths=[1.6] + [1] * 7,
    )
    loans_references = Table(
        title=_("Документовыдача и справки, в том числе"),
        header=[
            [
                HeaderCell(_("Библиотека"), rowspan=2),
                HeaderCell(_("Документовыдача"), colspan=5),
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
    ratios = _ratios_table(named, summary, span)
    footnote = _ratios_footnote(summary, span)
    return [*control, said, ratios, users_visits, loans_references, footnote]


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
        span=context.span,
        library_ids=context.library_ids,
        with_data=context.with_data,
        now=context.figures.indicators,
        fund=context.figures.fund,
    )


def indicators_sections(context: ReportContext, data: IndicatorsCollected) -> list[Section]:
    network = network_blocks(context.libraries, data, context.language)
    control = control_blocks(context.libraries, data, context.span)
    return [
        section_with(context.section(S.NETWORK), network, landscape=True),
        section_with(context.section(S.CONTROL), control, landscape=True),
    ]


PARTS = (Part(sections=(S.NETWORK, S.CONTROL), read=indicators_read, build=indicators_sections),)
