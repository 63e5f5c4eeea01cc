"""The consolidated report of a region (or of the republic): a row per ЦБС and the total
in each section, as plain report data (reportkit.data) that the ЦБС report's own
renderers (reports/renderers: DOCX, XLSX) print.

Every figure comes from `figures.region.region_figures`: a ЦБС's row is what its own
report prints (the same reader and sums), the total is the region's total of the reader
(the members' sum). A ЦБС whose report the region has not accepted is marked with an
asterisk and a footnote; a total over some ЦБС only says «по N из M ЦБС»; an unknown
figure prints «нет данных», never 0. The XLSX sums each total with =SUM() where its
rows are all numbers (reports/renderers/xlsx.py), and its % and ratios are formulas.

Its first section, «Проверки», is what the region checks: each member ЦБС's hand-in state,
the edit checks of each report handed in to the region (`handin.checks.check_counts`, as the
region's overview `/region/` counts them) and the consolidation's own notes (the unaccepted
ЦБС, the totals over some ЦБС). The XLSX has no events' sheet (`RegionReportData`).

Queries: `region_figures`'s, whatever the number of ЦБС, + `check_counts`' per half-year a
ЦБС has handed in to a region (none for the republic: its regions check their ЦБС): two
cache reads where the ЦБС's data has not changed since the overview counted them, else
its edit checks' (about 0.3 s a half-year of the demo's Balkhash); building the data
reads nothing.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from branches.calendar import Span
from branches.handins import RegionHandIn
from branches.models import Republic
from figures.region import (
    COMPARED,
    MemberFigures,
    RegionFigures,
    region_comparison,
    region_figures,
)
from handin.checks import CheckCounts, check_counts
from indicators.selectors import ratio
from indicators.summary import PLANNED, ControlRow
from reportkit.data import AuditColumn, HeaderCell, Paragraph, ReportData, Row, Section, Table
from reportkit.text import number

NO_DATA = gettext_lazy("нет данных")
MARK = "*"
GROUPS_PER_TABLE = 8

# Where the XLSX puts each section (a sheet per section, named by the section's code).
SECTIONS = {
    "checks": gettext_lazy("Проверки"),
    "network": gettext_lazy("Сеть и кадры"),
    "fund": gettext_lazy("Фонд"),
    "catalogue": gettext_lazy("Каталог"),
    "digitization": gettext_lazy("Оцифровка"),
    "control": gettext_lazy("Показатели"),
    "mass_work": gettext_lazy("Массовая работа"),
    "publications": gettext_lazy("Издания и СМИ"),
    "online": gettext_lazy("Онлайн"),
    "comparison": gettext_lazy("Сравнение ЦБС"),
}


def region_report_build(*, scope, code: str, language: str = "ru") -> ReportData:
    """The consolidated report of `scope` (a Region or the Republic) for the span `code`
    ("2021-H1" or "2021") in `language`. SpanError for a malformed code."""
    figures = region_figures(scope=scope, code=code)
    checks = member_checks(figures)
    with translation.override(language):
        return _Builder(figures, language, checks).build()


@dataclass
class RegionReportData(ReportData):
    """A consolidated report: the renderers print no events' list and no notes' sheet."""

    consolidated: ClassVar[bool] = True


def member_checks(figures: RegionFigures) -> dict[int, CheckCounts]:
    """{period id: its edit checks' counts} of every member ЦБС's half-year handed in to
    the region (sent, returned, accepted or reopened): what the region checks, counted as
    its overview counts them. None for the republic, whose regions check their ЦБС."""
    if isinstance(figures.scope, Republic):
        return {}
    return {
        period.pk: check_counts(period)
        for member in figures.members
        for period in member.periods
        if member.states.get(period.half) is not None
    }


def _known(value):
    """A figure as printed: «нет данных» when unknown (None), never 0."""
    if value is None:
        return str(NO_DATA)
    return float(value) if isinstance(value, Decimal) else value


def _numbers(cells: list) -> bool:
    return all(isinstance(c, int | float) and not isinstance(c, bool) for c in cells)


def _percent_formula(done: str, plan: str) -> str:
    return (
        f'IF(OR(NOT(ISNUMBER({{{done}}})),NOT(ISNUMBER({{{plan}}})),{{{plan}}}=0),"",'
        f"ROUND({{{done}}}/{{{plan}}}*100,1))"
    )


def _ratio_formula(numerator: str, denominator: str, scale: int = 1) -> str:
    times = f"*{scale}" if scale != 1 else ""
    return (
        f"IF(OR(NOT(ISNUMBER({{{numerator}}})),NOT(ISNUMBER({{{denominator}}})),"
        f'{{{denominator}}}=0),"",ROUND({{{numerator}}}{times}/{{{denominator}}},1))'
    )


class _Builder:
    def __init__(self, figures: RegionFigures, language: str, checks=None):
        self.figures = figures
        self.checks_read: dict[int, CheckCounts] = checks or {}
        self.language = language
        self.members = figures.members
        self.span = Span(organization=None, periods=(), year=figures.year, half=figures.half)

    # --- the frame -----------------------------------------------------------------

    def name(self, member: MemberFigures, full: bool = False) -> str:
        """«ЦБС Балхаш» (its short name and city: the tables' rows are narrow), the full
        name in the hand-ins' table; marked while the region has not accepted its report."""
        organization = member.organization
        if full:
            name = organization.name(self.language)
        else:
            name = f"{organization.abbreviation(self.language)} {organization.city(self.language)}"
        return name if member.accepted else f"{name} {MARK}"

    @property
    def total_label(self) -> str:
        if isinstance(self.figures.scope, Republic):
            return _("Всего по республике")
        return _("Всего по региону")

    def total_name(self, known: int) -> str:
        """«Всего по региону», «… (по 2 из 3 ЦБС)» when some ЦБС' figures are unknown."""
        if known < len(self.members):
            return _("%(total)s (по %(known)s из %(of)s ЦБС)") % {
                "total": self.total_label,
                "known": known,
                "of": len(self.members),
            }
        return self.total_label

    def footnote(self) -> list[Paragraph]:
        """The asterisk's meaning, under each table, while some report is not accepted."""
        if self.figures.counted == self.figures.of:
            return []
        text = _(
            "%(mark)s Отчёт ЦБС регионом не принят: её цифры могут измениться "
            "(принято %(counted)s из %(of)s ЦБС)."
        ) % {"mark": MARK, "counted": self.figures.counted, "of": self.figures.of}
        return [Paragraph(text, style="note")]

    def table(
        self,
        title: str,
        heads: list[str],
        rows: list[tuple[MemberFigures, list]],
        total: list | None,
        **options,
    ) -> list:
        """A table of a row per ЦБС and the total: `rows` [(member, cells)], an unknown
        ЦБС (no period of the span) printing «нет данных» in every cell; `total` the
        region's cells (None: summed from the rows' numbers)."""
        body = []
        known = 0
        for member, cells in rows:
            if not member.known:
                cells = [str(NO_DATA)] * len(heads)
            known += _numbers([c for c in cells if c != "" and c is not None]) and member.known
            body.append(Row([self.name(member), *cells]))
        if total is None:
            total = []
            for column in range(len(heads)):
                values = [cells[column] for _m, cells in rows if _m.known]
                numbers = [v for v in values if _numbers([v])]
                total.append(sum(numbers) if numbers else str(NO_DATA))
        body.append(Row([self.total_name(known), *total], kind="total"))
        header = options.pop("header", None) or [
            [HeaderCell(_("ЦБС")), *(HeaderCell(head) for head in heads)]
        ]
        widths = options.pop("widths", None) or [2.6] + [1] * len(heads)
        return [Table(title=title, header=header, rows=body, widths=widths, **options)]

    def section(self, code: str, title: str, blocks: list, landscape: bool = True) -> Section:
        """A section on landscape pages: a row per ЦБС with its long name beside the figures."""
        return Section(
            code=str(SECTIONS[code])[:31],
            title=title,
            blocks=blocks,
            landscape=landscape,
        )

    # --- the report ----------------------------------------------------------------

    def build(self) -> ReportData:
        key = self.figures.total.as_dict()
        key.update(key.pop("declared"))
        key = {k: (float(v) if isinstance(v, Decimal) else v) for k, v in key.items()}
        scope = self.figures.scope
        sections = [
            self.network(),
            self.fund(),
            self.catalogue(),
            self.digitization(),
            self.control(),
            self.mass_work(),
            self.publications(),
            self.online(),
            self.comparison(),
        ]
        sections.insert(0, self.checks(sections))
        return RegionReportData(
            language=self.language,
            organization_code=scope.code,
            organization_name=scope.name(self.language),
            city="",
            site="",
            span_code=self.figures.code,
            title=_("Сводный отчёт о работе библиотек"),
            subtitle=_("за %(span)s") % {"span": self.span.label},
            sections=sections,
            notes=[],
            key_figures=key,
            generated="live",
        )

    def checks(self, sections: list[Section]) -> Section:
        """«Проверки»: per ЦБС and half-year its hand-in to the region and, once handed
        in, its edit checks (errors; warnings explained of all), whether the region
        accepted its report; then the consolidation's notes on `sections`' totals."""
        states = dict(RegionHandIn.State.choices)
        halves = [self.figures.half] if self.figures.half else [1, 2]
        with_checks = not isinstance(self.figures.scope, Republic)
        heads = [_("Сдача в регион")]
        if with_checks:
            heads += [_("Ошибки"), _("Пояснено предупреждений")]
        header = [[HeaderCell(_("ЦБС"), rowspan=2)]]
        header[0] += [
            HeaderCell(_("%(half)s полугодие") % {"half": half}, colspan=len(heads))
            for half in halves
        ]
        header[0].append(HeaderCell(_("Принят в свод"), rowspan=2))
        header.append([HeaderCell(head) for _half in halves for head in heads])
        body = []
        for member in self.members:
            periods = {period.half: period for period in member.periods}
            cells = []
            for half in halves:
                period = periods.get(half)
                if period is None:
                    cells += [str(NO_DATA)] + ["—"] * (len(heads) - 1)
                    continue
                state = member.states.get(half)
                cells.append(str(states.get(state, _("не сдан"))))
                if with_checks:
                    counts = self.checks_read.get(period.pk)
                    if counts is None:
                        cells += ["—", "—"]
                    else:
                        cells += [counts.errors, f"{counts.explained} / {counts.warnings}"]
            cells.append(_("да") if member.accepted else _("нет"))
            body.append(Row([self.name(member, full=True), *cells]))
        table = Table(
            title=_("Отчёты ЦБС в регионе"),
            header=header,
            rows=body,
            widths=[2.6] + [1.1] * (len(heads) * len(halves)) + [0.9],
        )
        said = _("Отчёты приняты регионом: %(counted)s из %(of)s ЦБС.") % {
            "counted": self.figures.counted,
            "of": self.figures.of,
        }
        blocks = [Paragraph(said), table]
        if with_checks:
            blocks.append(
                Paragraph(
                    _(
                        "Ошибки и предупреждения — проверки правки отчёта, сданного в регион, "
                        "как на странице «Отчёты ЦБС региона»; «—» — отчёт в регион не сдан."
                    ),
                    style="note",
                )
            )
        else:
            blocks.append(
                Paragraph(
                    _("Проверки правки отчётов ЦБС — в сводном отчёте каждого региона."),
                    style="note",
                )
            )
        blocks += self.footnote()
        blocks += self.consolidation_notes(sections)
        return self.section("checks", _("Сдача отчётов ЦБС и проверки"), blocks)

    def consolidation_notes(self, sections: list[Section]) -> list[Paragraph]:
        """The totals over some ЦБС only, by section and table, and the ЦБС whose figures
        a table has not («нет данных»)."""
        notes = []
        unknown = str(NO_DATA)
        names = {self.name(member) for member in self.members}
        for section in sections:
            for table in section.tables():
                total = table.rows[-1] if table.rows else None
                if total is None or total.kind != "total" or total.cells[0] == self.total_label:
                    continue
                missing = [
                    row.cells[0]
                    for row in table.rows[:-1]
                    if row.cells[0] in names and unknown in row.cells[1:]
                ]
                text = _("«%(section)s», «%(table)s»: %(total)s.") % {
                    "section": section.title,
                    "table": table.title,
                    "total": total.cells[0],
                }
                if missing:
                    text += " " + _("Нет данных у: %(names)s.") % {"names": ", ".join(missing)}
                notes.append(Paragraph(text, style="bullet"))
        if notes:
            notes.insert(0, Paragraph(_("Итоги не по всем ЦБС"), style="heading"))
        return notes

    def network(self) -> Section:
        heads = [
            _("Библиотек"),
            _("Работников, чел."),
            _("Штатных единиц"),
            _("С высшим библиотечным образованием"),
            _("Со средним специальным библиотечным образованием"),
        ]
        rows = []
        for member in self.members:
            staff = list(member.staff.values())
            cells = [len(member.libraries)]
            for attribute in ("persons", "posts", "higher_education", "secondary_education"):
                values = [getattr(s, attribute) for s in staff if getattr(s, attribute) is not None]
                cells.append(_known(sum(values) if values else None))
            rows.append((member, cells))
        blocks = self.table(_("Сеть библиотек и кадры"), heads, rows, None)
        return self.section("network", _("Сеть и кадры"), blocks + self.footnote())

    def fund(self) -> Section:
        heads = [
            _("Фонд на начало, экз."),
            _("в т.ч. на каз. яз."),
            _("Поступило, экз."),
            _("в т.ч. на каз. яз."),
            _("Выбыло, экз."),
            _("в т.ч. на каз. яз."),
            _("Фонд на конец, экз."),
            _("в т.ч. на каз. яз."),
        ]
        names = (
            "fund_start fund_start_kk received received_kk written_off written_off_kk "
            "fund_end fund_end_kk"
        ).split()
        rows = []
        for member in self.members:
            fund_rows = [f.fund for _library, f in member.libraries]
            start_known = any(row.start_known for row in fund_rows)
            end_known = any(row.end_known for row in fund_rows)
            cells = []
            for name in names:
                value = getattr(member.figures, name)
                state_unknown = (name.startswith("fund_start") and not start_known) or (
                    name.startswith("fund_end") and not end_known
                )
                cells.append(str(NO_DATA) if state_unknown else value)
            rows.append((member, cells))
        total = [getattr(self.figures.total, name) for name in names]
        blocks = self.table(
            _("Движение фонда"),
            heads,
            rows,
            total,
            audit=[AuditColumn(_("Проверка: начало + поступило − выбыло"), "{B}+{D}-{F}", "H")],
            widths=[2.4] + [1] * 8,
        )
        return self.section("fund", _("Фонд"), blocks + self.footnote(), landscape=True)

    def catalogue(self) -> Section:
        heads = [
            _("Электронный каталог: было записей"),
            _("Электронный каталог: стало записей"),
            _("Виртуальные справки"),
        ]
        names = ("catalogue_before", "catalogue_now", "virtual_references")
        rows = [(m, [getattr(m.figures, n) for n in names]) for m in self.members]
        total = [getattr(self.figures.total, n) for n in names]
        blocks = self.table(_("Электронный каталог"), heads, rows, total)
        return self.section("catalogue", _("Каталог"), blocks + self.footnote())

    def digitization(self) -> Section:
        heads = [_("План, документов"), _("Оцифровано документов"), _("% плана"), _("Страниц")]

        def cells(f):
            percent = (
                round(f.digitization_done * 100 / f.digitization_planned, 1)
                if f.digitization_planned
                else None
            )
            return [f.digitization_planned, f.digitization_done, percent, f.digitization_pages]

        rows = [(m, cells(m.figures)) for m in self.members]
        blocks = self.table(
            _("Оцифровка"),
            heads,
            rows,
            cells(self.figures.total),
            formulas={"D": _percent_formula("C", "B")},
        )
        return self.section("digitization", _("Оцифровка"), blocks + self.footnote())

    # --- users, visits, loans ------------------------------------------------------

    def _counts(self, row: ControlRow, values: list) -> list:
        if row.figures is None:
            return [str(NO_DATA)] * len(values)
        if row.partial:
            return [
                _("%(value)s (по %(known)s из %(of)s)")
                % {"value": number(v), "known": row.known, "of": row.of}
                for v in values
            ]
        return values

    def _plan_cells(self, row: ControlRow) -> list:
        """Plan, done and % of plan of users, visits and loans: the % a formula in the
        XLSX, blank where a figure is unknown or the total covers some libraries only."""
        cells = []
        for name in PLANNED:
            control = row.control(name)
            (done,) = self._counts(row, [control.done])
            percent = None if control.percent is None else float(control.percent)
            cells += [_known(control.plan), done, percent]
        return cells

    def _ratio_cells(self, row: ControlRow, fund) -> list:
        flows = row.flows
        counts = self._counts(
            row, [None, None, None] if flows is None else [flows.users, flows.visits, flows.loans]
        )
        r = row.ratios
        per_resident = None if row.partial or row.figures is None else ratio(fund, row.population)
        ratios = [r.reading, r.attendance, r.turnover, r.coverage, per_resident]
        return [
            *counts,
            _known(fund),
            _known(row.population),
            *(None if v is None else float(v) for v in ratios),
        ]

    def control(self) -> Section:
        labels = (_("Пользователи"), _("Посещения"), _("Документовыдача"))
        plan_heads = [_("план"), _("выполнено"), _("% плана")] * len(labels)
        plan_header = [
            [HeaderCell(_("ЦБС"), rowspan=2), *(HeaderCell(label, colspan=3) for label in labels)],
            [HeaderCell(head) for head in plan_heads],
        ]
        rows = [(m, self._plan_cells(m.control)) for m in self.members]
        known = sum(
            m.known and m.control.figures is not None and not m.control.partial
            for m in self.members
        )
        plan_table = self.table(
            _("Выполнение плана"),
            plan_heads,
            rows,
            self._plan_cells(self.figures.control),
            formulas={
                "D": _percent_formula("C", "B"),
                "G": _percent_formula("F", "E"),
                "J": _percent_formula("I", "H"),
            },
            widths=[2.6] + [0.95] * 9,
            header=plan_header,
        )
        plan_table[0].rows[-1].cells[0] = self.total_name(known)
        to_date = self.figures.control.to_date is not None
        flows = _("с начала года") if to_date else ""
        ratio_heads = [
            " ".join(filter(None, [_("Пользователей"), flows])),
            " ".join(filter(None, [_("Посещений"), flows])),
            " ".join(filter(None, [_("Документовыдача"), flows])),
            _("Фонд на конец, экз."),
            _("Население зоны обслуживания"),
            _("Читаемость"),
            _("Посещаемость"),
            _("Обращаемость"),
            _("Охват населения, %"),
            _("Документов на 1 жителя"),
        ]
        ratio_rows = [(m, self._ratio_cells(m.control, m.figures.fund_end)) for m in self.members]
        ratio_table = self.table(
            _("Относительные показатели"),
            ratio_heads,
            ratio_rows,
            self._ratio_cells(self.figures.control, self.figures.total.fund_end),
            formulas={
                "G": _ratio_formula("D", "B"),
                "H": _ratio_formula("C", "B"),
                "I": _ratio_formula("D", "E"),
                "J": _ratio_formula("B", "F", 100),
                "K": _ratio_formula("E", "F"),
            },
            widths=[2] + [0.9] * 10,
        )
        ratio_table[0].rows[-1].cells[0] = self.total_name(known)
        said = _(
            "Читаемость — документовыдача на одного пользователя, посещаемость — посещений "
            "на одного пользователя, обращаемость — документовыдача на экземпляр фонда, "
            "охват — пользователей на 100 жителей зоны обслуживания; так же, как в отчёте "
            "каждой ЦБС. Население ЦБС известно, когда известно население всех её библиотек."
        )
        blocks = [*plan_table, *ratio_table, Paragraph(said, style="note"), *self.footnote()]
        return self.section(
            "control", _("Пользователи, посещения, документовыдача"), blocks, landscape=True
        )

    # --- mass work, publications, online -------------------------------------------

    def _events_known(self, member: MemberFigures) -> bool:
        return any(member.mass_work.known(library.pk) for library, _f in member.libraries)

    def mass_work(self) -> Section:
        heads = [
            _("Мероприятий"),
            _("Участников"),
            _("в помещении"),
            _("онлайн"),
        ]
        rows = []
        for member in self.members:
            work = member.mass_work
            if not self._events_known(member):
                rows.append((member, [str(NO_DATA)] * 4))
                continue
            rows.append(
                (
                    member,
                    [
                        work.grand().events,
                        work.grand().participants,
                        work.grand("onsite").events,
                        work.grand("online").events,
                    ],
                )
            )
        blocks = self.table(_("Массовая работа"), heads, rows, None)
        region = self.figures.reads.mass_work
        for breakdown, groups, title in (
            ("by_form", region.forms, _("Мероприятия по формам")),
            ("by_audience", region.audiences, _("Мероприятия по читательским группам")),
        ):
            ordered = sorted(groups.values(), key=lambda g: (g.order, g.name_ru.casefold()))
            summed = {}
            for member in self.members:
                summed[member.organization.pk] = {
                    group.key: attendance.events
                    for group, attendance in member.mass_work.summed(breakdown, groups)
                }
            # At most GROUPS_PER_TABLE groups a table: a page holds them beside the names.
            for first in range(0, len(ordered), GROUPS_PER_TABLE):
                chunk = ordered[first : first + GROUPS_PER_TABLE]
                group_rows = []
                for member in self.members:
                    if not self._events_known(member):
                        group_rows.append((member, [str(NO_DATA)] * len(chunk)))
                        continue
                    mine = summed[member.organization.pk]
                    group_rows.append((member, [mine[g.key] for g in chunk]))
                blocks += self.table(
                    title if first == 0 else _("%(title)s (продолжение)") % {"title": title},
                    [g.name(self.language) for g in chunk],
                    group_rows,
                    None,
                    widths=[2.6] + [1] * len(chunk),
                )
        return self.section(
            "mass_work", _("Массовая работа"), blocks + self.footnote(), landscape=True
        )

    def publications(self) -> Section:
        names = ("publications", "trailers", "media_mentions", "media_by_librarians", "media_tv")
        heads = [
            _("Издания"),
            _("Буктрейлеры, виртуальные выставки"),
            _("Публикации в СМИ"),
            _("из них самих библиотекарей"),
            _("видеосюжетов на ТВ"),
        ]
        rows = [(m, [getattr(m.figures, n) for n in names]) for m in self.members]
        total = [getattr(self.figures.total, n) for n in names]
        blocks = self.table(_("Издательская деятельность и СМИ"), heads, rows, total)
        return self.section("publications", _("Издания и СМИ"), blocks + self.footnote())

    def online(self) -> Section:
        names = ("online_events", "subscribers", "views", "posts")
        heads = [
            _("Онлайн-мероприятий"),
            _("Подписчики"),
            _("Просмотры"),
            _("Публикации в соцсетях"),
        ]
        rows = [(m, [getattr(m.figures, n) for n in names]) for m in self.members]
        total = [getattr(self.figures.total, n) for n in names]
        blocks = self.table(_("Работа в сети"), heads, rows, total)
        return self.section("online", _("Онлайн"), blocks + self.footnote())

    # --- the comparison ------------------------------------------------------------

    def comparison(self) -> Section:
        table = region_comparison(self.figures)
        blocks = []
        halves = (COMPARED[:4], COMPARED[4:])
        titles = (_("Относительные показатели ЦБС"), _("Выполнение плана и охват населения"))
        for measures, title in zip(halves, titles, strict=True):
            header = [
                [HeaderCell(_("ЦБС"), rowspan=2)]
                + [HeaderCell(str(label), colspan=2) for _name, label in measures],
                [HeaderCell(h) for _m in measures for h in (_("значение"), _("место"))],
            ]
            body = []
            for row in table.rows:
                cells = []
                for name, _label in measures:
                    compared = row.values[name]
                    cells += [_known(compared.value), compared.rank or ""]
                body.append(Row([self.name(row.member), *cells]))
            for label, values in (
                (_("Среднее по ЦБС"), table.average),
                (_("Медиана"), table.median),
                (self.total_label, table.region),
            ):
                cells = []
                for name, _label in measures:
                    cells += [_known(values[name]), ""]
                body.append(Row([label, *cells]))
            blocks.append(
                Table(
                    title=title,
                    header=header,
                    rows=body,
                    widths=[2.4] + [0.9, 0.6] * len(measures),
                )
            )
        said = _(
            "Место — среди ЦБС региона, первое — наибольшее значение. Среднее — среднее "
            "значений ЦБС, медиана — их середина; «%(total)s» — показатель итогов региона."
        ) % {"total": self.total_label}
        blocks += [Paragraph(said, style="note"), *self.footnote()]
        return self.section("comparison", _("Сравнение ЦБС внутри региона"), blocks, landscape=True)
