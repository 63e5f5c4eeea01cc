"""A layout filled with a ЦБС's figures of a span: `ReportData` of one table per section,
which the report's renderers print (DOCX as is; XLSX by `render_xlsx_tables`).

The figures are one `figures.reader.figures_read` of the span, picked out by code
(`figures.codes.code_values`): the report, the dashboard and the annex print the same
numbers. A cell of the ЦБС adds up its libraries; a cell of a sum adds up its codes. An
unknown figure prints «нет данных», never 0; a sum of which some parts are unknown
prints what is known and says of how many: «45 (по 1 из 2 библиотек)» (a ЦБС's fund
counts the receipts and write-offs of a library whose own fund is unknown, as the
report's and the dashboard's do).

A figure of the ЦБС itself (its finance: ORGANIZATION_CODES) is no library's: a ЦБС's
annex prints it in the ЦБС's cell only. A region's annex prints each member ЦБС's own
figure in its cell (a section of such figures gets a column per ЦБС before the region's)
and the region's as their sum, «известно N из M ЦБС» when some are unknown: each member's
read as its own annex reads it (`management.selectors.finance_by_organization`, the rows
`finance_of` reads, picked out by the same `ORGANIZATION_CODES`).
"""

from dataclasses import replace

from django.utils import translation
from django.utils.translation import gettext as _

from branches.calendar import Span
from branches.models import Organization, Republic
from figures.codes import (
    ORGANIZATION_CODES,
    ORGANIZATION_KEY,
    UNKNOWN,
    code_values,
    figure_codes,
)
from figures.reader import figures_read, library_ids_for
from figures.region import region_figures
from indicators.report import NO_DATA, over_some
from management.selectors import SpanRows, finance_by_organization
from reportkit.data import HeaderCell, ReportData, Row, Table
from reportkit.data import Section as ReportSection
from reportkit.text import number
from reports.annex.layout import LIBRARIES, Entry, Layout, layout_load

# A table this wide prints on landscape pages.
UPRIGHT_COLUMNS = 7


def annex_layout(name: str) -> Layout:
    return layout_load(name, figure_codes())


def annex_build(
    *, layout: Layout, organization: Organization, span: Span, language: str = "ru"
) -> ReportData:
    """`layout` filled with `organization`'s figures of `span`, in `language`.
    Queries: 1 library ids + figures_read's with the events (their hand-ins) and the rows
    entered per kind (a kind's declared figure is known where its rows are: figures.codes)."""
    with translation.override(language):
        ids = library_ids_for(organization)
        reads = figures_read(
            organization=organization,
            span=span,
            library_ids=ids,
            with_mass_work=True,
            with_states=True,
        )
        values = code_values(reads, layout.codes)
        # A library's cell has no figure of the ЦБС itself; the ЦБС's has its own.
        units = [(library.abbreviation(language), [library.pk], []) for library in reads.libraries]
        sections = [
            _section(section, number_, units, values, language, own=[values[ORGANIZATION_KEY]])
            for number_, section in enumerate(layout.sections, 1)
        ]
        return ReportData(
            language=language,
            organization_code=organization.code,
            organization_name=organization.name(language),
            city="",
            site="",
            span_code=span.code,
            title=layout.title(language),
            subtitle=span.during_label,
            sections=sections,
            notes=[],
            key_figures={},
        )


def annex_build_region(*, layout: Layout, scope, code: str, language: str = "ru") -> ReportData:
    """`layout` filled with a region's (or the republic's) figures of the span `code`: its
    "libraries" rows or columns are one per ЦБС (each the sum of its libraries), its
    whole the region's. The figures are `figures.region.region_figures`' one read,
    picked out by code as a ЦБС's annex picks them. SpanError for a malformed code."""
    figures = region_figures(scope=scope, code=code)
    with translation.override(language):
        values = code_values(figures.reads, layout.codes)
        own = _members_own(figures, layout.codes)
        units = []
        for member in figures.members:
            organization = member.organization
            caption = f"{organization.abbreviation(language)} {organization.city(language)}"
            ids = [library.pk for library, _figures in member.libraries]
            units.append(
                (caption if member.accepted else f"{caption} *", ids, [own[organization.pk]])
            )
        whole = _("Всего по республике") if isinstance(scope, Republic) else _("Всего по региону")
        everyone = [own[member.organization.pk] for member in figures.members]
        sections = [
            _section(section, number_, units, values, language, whole, own=everyone)
            for number_, section in enumerate(layout.sections, 1)
        ]
        span = Span(organization=None, periods=(), year=figures.year, half=figures.half)
        return ReportData(
            language=language,
            organization_code=scope.code,
            organization_name=scope.name(language),
            city="",
            site="",
            span_code=figures.code,
            title=layout.title(language),
            subtitle=_("за %(span)s") % {"span": span.label},
            sections=sections,
            notes=[],
            key_figures={},
        )


def _members_own(figures, codes: set[str]) -> dict[int, dict]:
    """{organization id: {code: Value}}: each member ЦБС's own figures (ORGANIZATION_CODES)
    of the span, as its own annex reads them. One query, none without such codes."""
    wanted = codes & ORGANIZATION_CODES.keys()
    if not wanted:
        return {member.organization.pk: {} for member in figures.members}
    finance = finance_by_organization(
        periods=[period for member in figures.members for period in member.periods],
        half=figures.half,
    )
    unknown = SpanRows(expected=1 if figures.half else 2)
    own = {}
    for member in figures.members:
        reads = replace(figures.reads, finance=finance.get(member.organization.pk, unknown))
        own[member.organization.pk] = {code: ORGANIZATION_CODES[code](reads) for code in wanted}
    return own


def _own_only(entries) -> bool:
    """Whether `entries` are figures of the ЦБС itself alone (its finance)."""
    codes = [term.code for entry in entries for term in entry.terms if term.code is not None]
    return bool(codes) and all(code in ORGANIZATION_CODES for code in codes)


def _expanded(entries, units: list[tuple], language: str, whole: str = "", members=False):
    """(caption, the unit of its scope or None for the whole, entry) per printed row or
    column: a "libraries" entry becomes one per unit (a library of a ЦБС; a ЦБС of a
    region, with its libraries' ids and own figures). `whole`: the caption of the whole's
    row or column (the layout's is a ЦБС's: «Всего по ЦБС»), where the whole is not the
    ЦБС; `members`: the whole is preceded by one per unit (a region's ЦБС' own figures)."""
    for entry in entries:
        if entry.scope == LIBRARIES:
            for unit in units:
                yield unit[0], unit, entry
        elif whole and not entry.terms:
            if members:
                for unit in units:
                    yield unit[0], unit, entry
            yield whole, None, entry
        else:
            yield entry.caption(language), None, entry


def _section(section, index: int, units, values, language: str, whole="", own=()) -> ReportSection:
    """`own`: the figures of the ЦБС itself the whole's cells count ({code: Value} per ЦБС:
    a ЦБС's one, a region's every member's)."""
    all_ids = [pk for _caption, ids, _own in units for pk in ids]
    figures = section.rows if section.figures_in_rows else section.columns
    members = bool(whole) and _own_only(figures)  # a region's finance: a column per ЦБС
    rows = list(_expanded(section.rows, units, language, whole, members))
    columns = list(_expanded(section.columns, units, language, whole, members))
    header = [[HeaderCell(section.corner(language))] + [HeaderCell(c) for c, _i, _e in columns]]
    table_rows = []
    library_rows_above = False
    for caption, row_scope, row_entry in rows:
        cells: list = [caption]
        for _caption, column_scope, column_entry in columns:
            figure: Entry = row_entry if section.figures_in_rows else column_entry
            scope = column_scope if section.figures_in_rows else row_scope
            if scope is None:
                cells.append(_cell(figure, all_ids, values, own))
            else:
                cells.append(_cell(figure, scope[1], values, scope[2]))
        # The ЦБС's row after its libraries' rows is their total (the XLSX sums them).
        is_total = row_scope is None and not section.figures_in_rows and library_rows_above
        table_rows.append(Row(cells, kind="total" if is_total else "data"))
        library_rows_above = library_rows_above or row_scope is not None
    width = len(columns) + 1
    table = Table(
        title="",
        header=header,
        rows=table_rows,
        # A ЦБС's column beside its libraries' is wider: its partial sums say so in words.
        widths=[2.4] + [1.6 if scope is None else 1 for _c, scope, _e in columns],
    )
    return ReportSection(
        code=f"annex{index}",
        title=section.caption(language),
        blocks=[table],
        landscape=width > UPRIGHT_COLUMNS,
    )


def _cell(figure: Entry, library_ids: list[int], values: dict, own=()):
    """The cell's sum over `library_ids` and the figure's terms: a number when every
    part is known, «нет данных» when none is, else the known part and how much is known.
    A figure of the ЦБС itself (its finance) counts once per ЦБС of `own` ({code: Value}
    each: the ЦБС's cell its own, a region's whole every member's), and is unknown in a
    library's cell (`own` empty)."""
    total = known = parts = 0
    for term in figure.terms:
        if term.code is None:
            total += term.constant
            continue
        if term.code in ORGANIZATION_CODES:
            for figures in own or [{}]:
                value = figures.get(term.code, UNKNOWN)
                parts += 1
                total += value.number
                known += value.known
            continue
        for library_id in library_ids:
            parts += 1
            value = values[library_id][term.code]
            total += value.number
            known += value.known
    if known == parts:
        return round(total, 1) if isinstance(total, float) else total  # money: a tenth
    if known == 0 and (total == 0 or len(library_ids) == 1):  # a library's own: unknown
        return str(NO_DATA)
    codes = sum(term.code is not None for term in figure.terms)
    if len(own) > 1 and _own_only([figure]):  # a region's finance: of its ЦБС
        return _("%(value)s (известно %(known)s из %(of)s ЦБС)") % {
            "value": number(total),
            "known": known,
            "of": parts,
        }
    if codes == 1:
        return over_some(total, known, len(library_ids))
    return _("%(value)s (известно %(known)s из %(of)s слагаемых)") % {
        "value": number(total),
        "known": known,
        "of": parts,
    }
