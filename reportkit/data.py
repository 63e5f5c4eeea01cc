"""The report as plain data: what the builder produces and every renderer reads.

Only str/int/float/None/bool inside, so a report round-trips through JSON (the
approved report's snapshot) unchanged: `ReportData.from_dict(data.as_dict())`.
"""

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

Value = int | float | str | None


@dataclass
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Row:
    cells: list[Value]
    kind: str = "data"  # "data" | "total" (sum of the data rows above) | "group" (a spanning title)


@dataclass
class AuditColumn:
    """A check column the XLSX adds as a formula: `expression` over column letters of a row,
    e.g. "{B}+{D}-{F}"; the reader compares it with `against` (a column letter)."""

    title: str
    expression: str
    against: str


@dataclass
class Table:
    title: str
    header: list[list[HeaderCell]]
    rows: list[Row]
    widths: list[float] = field(default_factory=list)  # relative column widths
    audit: list[AuditColumn] = field(default_factory=list)
    # Columns whose cells are formulas over the same row's figures (a %, a ratio):
    # {"G": "IF({B}=0,\"\",ROUND({D}/{B},1))"}. The XLSX writes the formula in every row,
    # the total row included (a ratio of the totals, not a sum of ratios), with the
    # printed figure as its cached result; the DOCX prints the figure.
    formulas: dict[str, str] = field(default_factory=dict)
    kind: str = "table"

    def header_grid(self):
        """Each header cell with its (row, column) in the grid: a cell takes the first
        position that no cell spanning from a row above already covers."""
        taken: set[tuple[int, int]] = set()
        for r, line in enumerate(self.header):
            c = 0
            for head in line:
                while (r, c) in taken:
                    c += 1
                yield r, c, head
                for dr in range(head.rowspan):
                    for dc in range(head.colspan):
                        taken.add((r + dr, c + dc))
                c += head.colspan


@dataclass
class Figure:
    """A figure a sentence states, kept as a number for the spreadsheet."""

    label: str
    value: Value
    unit: str = ""
    value_kk: Value = None  # of which in Kazakh, where the report gives it


@dataclass
class Paragraph:
    """A sentence or paragraph; `figures` are the numbers it states (the XLSX lists them)."""

    text: str
    # "body" | "bullet" | "heading" (a run-in subheading) | "narrative" | "note" (what the
    # figures around it cover)
    style: str = "body"
    figures: list[Figure] = field(default_factory=list)
    kind: str = "paragraph"


@dataclass
class ItemList:
    title: str
    items: list[str]
    numbered: bool = False
    kind: str = "list"


# A note's level: the section's narrative has no text in the report's language and is
# left out of it; the report's notes list it (the DOCX prints them at its end).
OMITTED = "omitted"
# A note's level: how many items print as entered, with no Kazakh text of their own
# (`ReportData.untranslated`), said when the methodologist chose so.
AS_ENTERED = "as_entered"


@dataclass
class Note:
    level: str  # "error" | "warning" | "info" | "untranslated" | OMITTED | AS_ENTERED
    text: str
    section: str = ""


Block = Table | Paragraph | ItemList
BLOCK_TYPES = {"table": Table, "paragraph": Paragraph, "list": ItemList}


@dataclass
class Section:
    code: str
    title: str
    level: int = 1
    narrative: str = ""  # printed before the section's tables and lists
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    narrative_end: str = ""  # printed after them («Также были подведены итоги…»)
    heading: bool = True  # False: the section prints without a title of its own
    # Its tables are too wide for a portrait page (sections I and II): the DOCX prints the
    # section on landscape pages (the XLSX turns a sheet of wide tables anyway).
    landscape: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.blocks and not self.narrative and not self.narrative_end

    @staticmethod
    def _paragraphs(text: str) -> list[str]:
        return [p.strip() for p in text.split("\n\n") if p.strip()]

    @property
    def narrative_before(self) -> list[str]:
        return self._paragraphs(self.narrative)

    @property
    def narrative_after(self) -> list[str]:
        return self._paragraphs(self.narrative_end)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def lists(self) -> list[ItemList]:
        return [b for b in self.blocks if isinstance(b, ItemList)]

    def figures(self) -> list[Figure]:
        return [f for b in self.blocks if isinstance(b, Paragraph) for f in b.figures]


@dataclass
class ReportData:
    language: str
    organization_code: str
    organization_name: str
    city: str
    site: str
    span_code: str
    title: str  # «Краткая информация о работе библиотек»
    subtitle: str  # «за 1 полугодие 2021 года»
    sections: list[Section]
    notes: list[Note]
    key_figures: dict[str, Any]
    generated: str = ""  # "live" or the date of approval
    # Every event of the span, one row each: date (ISO), library, form, title, platforms,
    # initiatives, participants, views, link. The XLSX lists them as a table.
    event_rows: list[list[Value]] = field(default_factory=list)
    # The span's items whose texts have no Kazakh version, so that the Kazakh report
    # prints them as entered: [model label ("events.event"), pk, what the item is].
    untranslated: list[list[Value]] = field(default_factory=list)
    # The annual report's signature block, [label, name] per line: the director's position
    # and name, «Исполнитель» and the executor's name, «Тел.» and the number. Empty in a
    # half-year report (the seed's has none).
    signature: list[list[str]] = field(default_factory=list)
    # A consolidated report of many ЦБС (reports.region_report): its XLSX lists no
    # events and its checks are a section of its own, not the notes' sheet. A class
    # attribute, not a field: a ЦБС report's snapshot (`as_dict`) stays as it was.
    consolidated: ClassVar[bool] = False

    def section(self, code: str) -> Section:
        return next(s for s in self.sections if s.code == code)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ReportData":
        data = dict(data)
        sections = []
        for raw in data.pop("sections"):
            raw = dict(raw)
            blocks = [_block_from_dict(b) for b in raw.pop("blocks")]
            notes = [Note(**n) for n in raw.pop("notes")]
            sections.append(Section(blocks=blocks, notes=notes, **raw))
        notes = [Note(**n) for n in data.pop("notes")]
        return cls(sections=sections, notes=notes, **data)


def _block_from_dict(raw: dict) -> Block:
    raw = dict(raw)
    block_type = BLOCK_TYPES[raw["kind"]]
    if block_type is Table:
        raw["header"] = [[HeaderCell(**c) for c in line] for line in raw["header"]]
        raw["rows"] = [Row(**r) for r in raw["rows"]]
        raw["audit"] = [AuditColumn(**a) for a in raw["audit"]]
    if block_type is Paragraph:
        raw["figures"] = [Figure(**f) for f in raw["figures"]]
    return block_type(**raw)
