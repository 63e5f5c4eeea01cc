"""The report's parts: each domain app contributes the sections it knows.

An app registers its parts from its AppConfig.ready() (`register_part`); the report's
builder reads them in the seed's order (`parts_in_order`) and never names an app. A part
names its sections (codes of `reportkit.sections`, consecutive in the seed's order), may
read what its sections need beyond the figures (`read`, a fixed number of queries whatever
the data size, run once per build, before any section is built) and arranges it (`build`,
no query).

`build(context, read)` returns the blocks of the part's one section, which the builder
makes (with its narrative) and fills; a part of several sections returns them, made with
`context.section(code)` in the seed's order.

A part may name the annual report's sections (`reportkit.sections.ANNUAL_SECTIONS`)
instead: the builder reads and builds it for a year span only, after the half-year's
sections (`annual_parts_in_order`). An annual section no part fills prints its narrative
and «нет данных», so a report without an app's part is still complete.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportkit import sections as S
from reportkit.data import Section


@dataclass(frozen=True)
class ReportContext:
    """What a part is given: the report's subject and what the builder read once.

    `figures` is the span's figures per library (`figures.reader.FigureReads`) and
    `library_figures()` lays them out per library (`figures.reader.library_figures`):
    both come from the builder, as the domain apps stand below the figures reader.
    `section(code)` is the section with its narrative in the report's language; it is
    given to `build` only (a read makes no section).
    """

    organization: Any  # branches.models.Organization
    span: Any  # branches.calendar.Span
    language: str
    libraries: list  # the report's libraries, in their order
    library_ids: list[int]
    figures: Any
    library_figures: Callable[[], list[tuple[Any, Any]]]
    section: Callable[[str], Section] | None = None
    # «на 01.07.2021»: the day the span's states (the fund, the catalogue) are dated: the
    # span's end, or, in a year whose second half has no data, the end of its first half.
    states_end_label: str = ""
    # (year, half) of the half-years with data (branches.entered.half_years_with_data):
    # what a span compares with (indicators.comparison).
    with_data: list = field(default_factory=list)


@dataclass(frozen=True)
class Part:
    sections: tuple[str, ...]
    build: Callable[[ReportContext, Any], list]
    read: Callable[[ReportContext], Any] | None = None
    # The rows the part adds to the report's list of every event (ReportData.event_rows).
    event_rows: Callable[[ReportContext, Any], list[list]] | None = None
    # The part's items without a Kazakh version of their texts (ReportData.untranslated).
    untranslated: Callable[[ReportContext, Any], list[list]] | None = None
    # True: the part adds its blocks at the end of one section that another part makes
    # (a kind of data's figure printed in section II), after that part's own blocks.
    adds: bool = False


_PARTS: dict[tuple[str, ...], Part] = {}
_ADDITIONS: dict[tuple[str, Callable], Part] = {}


def register_part(part: Part) -> None:
    """Add `part` to the report (again from a second ready(): the same sections, replaced)."""
    unknown = [code for code in part.sections if code not in S.ALL_SECTION_BY_CODE]
    if unknown or not part.sections:
        raise ValueError(f"A report part names unknown sections: {part.sections}")
    annual = [code in S.ANNUAL_SECTION_BY_CODE for code in part.sections]
    if any(annual) and not all(annual):
        raise ValueError(f"A part names half-year and annual sections: {part.sections}")
    if set(part.sections) & S.NARRATIVE_ONLY:
        raise ValueError(f"A part names a section that is narrative only: {part.sections}")
    if part.adds:
        if len(part.sections) != 1:
            raise ValueError(f"A part that adds to a section names one: {part.sections}")
        _ADDITIONS[(part.sections[0], part.build)] = part
        return
    _PARTS[part.sections] = part


def parts_in_order() -> list[Part]:
    """The registered parts in the seed's order of their sections, then the parts that
    add to a section, in the order they were registered.

    Every section of the seed belongs to exactly one part, and a part's sections follow
    each other: a report missing a section (an app that did not register its part) or
    printing one twice fails here, not in a renderer.
    """
    position = {definition.code: n for n, definition in enumerate(S.SECTIONS)}
    parts = sorted(
        (part for part in _PARTS.values() if part.sections[0] in position),
        key=lambda part: position[part.sections[0]],
    )
    codes = [code for part in parts for code in part.sections]
    expected = [definition.code for definition in S.SECTIONS]
    if codes != expected:
        raise LookupError(
            f"The report's parts give the sections {codes}, not the seed's {expected}: "
            "is a domain app's register_part() missing from its AppConfig.ready()?"
        )
    additions = [part for part in _ADDITIONS.values() if part.sections[0] in position]
    return parts + additions


def _is_annual(part: Part) -> bool:
    return part.sections[0] in S.ANNUAL_SECTION_BY_CODE


def annual_parts_in_order() -> list[Part]:
    """The parts registered for the annual sections, in `ANNUAL_SECTIONS` order, then
    the parts that add to an annual section.

    Unlike the seed's sections, an annual section may have no part (its app is not
    installed yet): the builder prints it with its narrative and «нет данных». Two parts
    giving the same section, or a part's sections out of order, fail here.
    """
    position = {definition.code: n for n, definition in enumerate(S.ANNUAL_SECTIONS)}
    parts = sorted(
        (part for part in _PARTS.values() if _is_annual(part)),
        key=lambda part: position[part.sections[0]],
    )
    codes = [code for part in parts for code in part.sections]
    if codes != sorted(codes, key=position.__getitem__) or len(set(codes)) != len(codes):
        raise LookupError(
            f"The report's annual parts give the sections {codes}: each once, "
            f"in the order of {list(position)}."
        )
    additions = [part for part in _ADDITIONS.values() if _is_annual(part)]
    return parts + additions
