"""A layout filled with a ЦБС's figures of a span: `ReportData` of one table per section,
which the report's renderers print (DOCX as is; XLSX by `render_xlsx_tables`).

The figures are one `figures.reader.figures_read` of the span, picked out by code
(`figures.codes.code_values`): the report, the dashboard and the annex print the same
numbers. A cell of the ЦБС adds up its libraries; a cell of a sum adds up its codes. An
unknown figure prints «нет данных», never 0; a sum of which some parts are unknown
prints what is known and says of how many: «45 (по 1 из 2 библиотек)» (a ЦБС's fund
counts the receipts and write-offs of a library whose own fund is unknown, as the
report's and the dashboard's do).
"""

from django.utils import translation
from django.utils.translation import gettext as _

from branches.calendar import Span
from branches.models import Library, Organization
from figures.codes import code_values, figure_codes
from figures.reader import figures_read, library_ids_for
from indicators.report import NO_DATA, over_some
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
    entered (a kind's period total entered as 0 is a known 0: figures.codes)."""
    with translation.override(language):
        ids = library_ids_for(organization)
        reads = figures_read(
            organization=organization,
            span=span,
            library_ids=ids,
            with_mass_work=True,
        )
        values = code_values(reads, layout.codes)
        libraries = reads.libraries
        sections = [
            _section(section, number_, libraries, values, language)
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


def _expanded(entries, libraries: list[Library], language: str):
    """(caption, library ids of its scope or None for the ЦБС, entry) per printed row or
    column: a "libraries" entry becomes one per library."""
    for entry in entries:
        if entry.scope == LIBRARIES:
            for library in libraries:
                yield library.abbreviation(language), [library.pk], entry
        else:
            yield entry.caption(language), None, entry


def _section(section, index: int, libraries, values, language: str) -> ReportSection:
    all_ids = [library.pk for library in libraries]
    rows = list(_expanded(section.rows, libraries, language))
    columns = list(_expanded(section.columns, libraries, language))
    header = [[HeaderCell(section.corner(language))] + [HeaderCell(c) for c, _i, _e in columns]]
    table_rows = []
    library_rows_above = False
    for caption, row_scope, row_entry in rows:
        cells: list = [caption]
        for _caption, column_scope, column_entry in columns:
            figure: Entry = row_entry if section.figures_in_rows else column_entry
            scope = column_scope if section.figures_in_rows else row_scope
            cells.append(_cell(figure, scope or all_ids, values))
        # The ЦБС's row after its libraries' rows is their total (the XLSX sums them).
        whole = row_scope is None and not section.figures_in_rows and library_rows_above
        table_rows.append(Row(cells, kind="total" if whole else "data"))
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


def _cell(figure: Entry, library_ids: list[int], values: dict):
    """The cell's sum over `library_ids` and the figure's terms: a number when every
    part is known, «нет данных» when none is, else the known part and how much is known."""
    total = known = parts = 0
    for term in figure.terms:
        if term.code is None:
            total += term.constant
            continue
        for library_id in library_ids:
            parts += 1
            value = values[library_id][term.code]
            total += value.number
            known += value.known
    if known == parts:
        return total
    if known == 0 and (total == 0 or len(library_ids) == 1):  # a library's own: unknown
        return str(NO_DATA)
    codes = sum(term.code is not None for term in figure.terms)
    if codes == 1:
        return over_some(total, known, len(library_ids))
    return _("%(value)s (известно %(known)s из %(of)s слагаемых)") % {
        "value": number(total),
        "known": known,
        "of": parts,
    }
