"""An annex layout: a TOML file of reports/annex_layouts/ (settings.ANNEX_LAYOUTS_DIR).

    title_ru = "…"                     # the annex's title, in Russian and in Kazakh
    title_kk = "…"

    [[section]]                         # a table of the annex, in the file's order
    ru = "1. Сеть библиотек"
    kk = "1. Кітапханалар желісі"
    corner_ru = "Показатель"            # the caption over the rows' captions
    corner_kk = "Көрсеткіш"

    [[section.column]]                  # a column: the ЦБС as a whole…
    ru = "Всего по ЦБС"
    kk = "ОКЖ бойынша барлығы"
    [[section.column]]                  # …or one column per library (its abbreviation)
    scope = "libraries"

    [[section.row]]                     # a row: the figure of its cells
    ru = "Число библиотек"
    kk = "Кітапханалар саны"
    figure = "libraries"                # a code of figures.codes, "a + b", or a number

Either every row of a section names its figure and its columns say whose (`scope`:
"organization", the default, or "libraries"), or every column names its figure and its
rows say whose. A file that breaks a rule, or names a figure code no one knows, is
refused with its path and line (`LayoutError`); the system check `reports.E001` runs
every file at start-up.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

ORGANIZATION = "organization"
LIBRARIES = "libraries"
SCOPES = (ORGANIZATION, LIBRARIES)
LANGUAGES = ("ru", "kk")


class LayoutError(Exception):
    """A layout file that cannot be used: `path:line: what is wrong`."""

    def __init__(self, path: Path, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Term:
    """A part of a cell's sum: a figure code, or a constant (`code` None)."""

    code: str | None = None
    constant: int = 0


@dataclass(frozen=True)
class Entry:
    """A row or a column: its captions, its figure (terms) or its scope."""

    ru: str
    kk: str
    terms: tuple[Term, ...] = ()
    scope: str = ORGANIZATION

    def caption(self, language: str) -> str:
        return self.kk if language == "kk" else self.ru


@dataclass(frozen=True)
class Section:
    ru: str
    kk: str
    corner_ru: str
    corner_kk: str
    rows: tuple[Entry, ...]
    columns: tuple[Entry, ...]
    figures_in_rows: bool  # else in the columns

    def caption(self, language: str) -> str:
        return self.kk if language == "kk" else self.ru

    def corner(self, language: str) -> str:
        return self.corner_kk if language == "kk" else self.corner_ru


@dataclass(frozen=True)
class Layout:
    name: str  # the file's name without .toml: `build_annex --layout NAME`
    path: Path
    title_ru: str
    title_kk: str
    sections: tuple[Section, ...]

    def title(self, language: str) -> str:
        return self.title_kk if language == "kk" else self.title_ru

    @property
    def codes(self) -> set[str]:
        return {
            term.code
            for section in self.sections
            for entry in (*section.rows, *section.columns)
            for term in entry.terms
            if term.code is not None
        }


def layouts_dir() -> Path:
    return Path(settings.ANNEX_LAYOUTS_DIR)


def layout_names() -> list[str]:
    return sorted(path.stem for path in layouts_dir().glob("*.toml"))


def layout_load(name: str, known_codes) -> Layout:
    """The layout `name` of the layouts' folder, checked against `known_codes`."""
    path = layouts_dir() / f"{name}.toml"
    if not re.fullmatch(r"[\w-]+", name) or not path.is_file():  # a name, not a path
        raise LayoutError(path, None, f"нет такого макета; есть: {', '.join(layout_names())}")
    return layout_parse(path, known_codes)


TERM = re.compile(r"^(?:(?P<number>-?\d+)|(?P<code>[a-z][a-z0-9_]*))$")


class _Reader:
    """Reads one file; finds the line of what it refuses in the file's text (tomllib
    gives values, not their lines): the n-th `[[section.row]]` header, then the first
    line after it naming the thing."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.seen = {"section": 0, "section.row": 0, "section.column": 0}

    def header_line(self, table: str, index: int) -> int | None:
        pattern = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
        found = [n for n, line in enumerate(self.lines, 1) if pattern.match(line)]
        return found[index] if index < len(found) else None

    def line_after(self, start: int | None, word: str) -> int | None:
        pattern = re.compile(rf"(?<![\w.]){re.escape(word)}(?![\w.])")
        for n in range(start or 1, len(self.lines) + 1):
            if pattern.search(self.lines[n - 1]):
                return n
        return start

    def error(self, line, message):
        return LayoutError(self.path, line, message)


def layout_parse(path: Path, known_codes) -> Layout:
    """The layout in the TOML file `path`; LayoutError naming the file and line of the
    first thing wrong (an unknown figure code, a missing caption, a cell with no figure)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise LayoutError(path, int(line.group(1)) if line else None, str(error)) from error
    reader = _Reader(path, text)
    for key in ("title_ru", "title_kk"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise reader.error(1, f"нет «{key}»: название приложения на обоих языках")
    raw_sections = data.get("section")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise reader.error(None, "нет ни одного раздела [[section]]")
    sections = tuple(
        _section(reader, raw, index, set(known_codes)) for index, raw in enumerate(raw_sections)
    )
    return Layout(path.stem, path, data["title_ru"], data["title_kk"], sections)


def _captions(reader, raw: dict, line, keys=("ru", "kk"), required=True) -> tuple[str, str]:
    values = []
    for key in keys:
        value = raw.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise reader.error(line, f"нет подписи «{key}» (по-русски «ru» и по-казахски «kk»)")
        values.append(value)
    return values[0], values[1]


def _section(reader: _Reader, raw: dict, index: int, known: set[str]) -> Section:
    line = reader.header_line("section", index)
    ru, kk = _captions(reader, raw, line)
    corner = _captions(reader, raw, line, ("corner_ru", "corner_kk"), required=False)
    rows = tuple(_entry(reader, "section.row", r, known) for r in raw.get("row", []))
    columns = tuple(_entry(reader, "section.column", c, known) for c in raw.get("column", []))
    if not rows or not columns:
        raise reader.error(
            line, f"в разделе «{ru}» нужны строки [[section.row]] и графы [[section.column]]"
        )
    in_rows = [bool(entry.terms) for entry in rows]
    in_columns = [bool(entry.terms) for entry in columns]
    if all(in_rows) and not any(in_columns):
        figures_in_rows = True
    elif all(in_columns) and not any(in_rows):
        figures_in_rows = False
    else:
        raise reader.error(
            line,
            f"в разделе «{ru}» показатель («figure») должен быть у каждой строки и ни у одной "
            "графы, или у каждой графы и ни у одной строки",
        )
    return Section(ru, kk, *corner, rows, columns, figures_in_rows)


def _entry(reader: _Reader, table: str, raw: dict, known: set[str]) -> Entry:
    line = reader.header_line(table, reader.seen[table])
    reader.seen[table] += 1
    scope = raw.get("scope", ORGANIZATION)
    if scope not in SCOPES:
        raise reader.error(
            reader.line_after(line, "scope"), f"«scope» — {' или '.join(SCOPES)}, а не «{scope}»"
        )
    figure = raw.get("figure")
    terms: tuple[Term, ...] = ()
    if figure is not None:
        if scope != ORGANIZATION or "scope" in raw:
            raise reader.error(line, "у строки или графы либо показатель, либо «scope», не оба")
        terms = _terms(reader, line, figure, known)
    if scope == LIBRARIES:  # captioned by each library's abbreviation
        return Entry(raw.get("ru", ""), raw.get("kk", ""), terms, scope)
    ru, kk = _captions(reader, raw, line)
    return Entry(ru, kk, terms, scope)


def _terms(reader: _Reader, line, figure, known: set[str]) -> tuple[Term, ...]:
    if isinstance(figure, int) and not isinstance(figure, bool):
        return (Term(constant=figure),)
    if not isinstance(figure, str) or not figure.strip():
        raise reader.error(line, "«figure» — код показателя, сумма кодов «a + b» или число")
    terms = []
    for part in figure.split("+"):
        match = TERM.match(part.strip())
        if match is None:
            raise reader.error(
                reader.line_after(line, "figure"),
                f"«{part.strip()}» в «{figure}»: ожидается код показателя или число",
            )
        if match["number"] is not None:
            terms.append(Term(constant=int(match["number"])))
        elif match["code"] not in known:
            raise reader.error(
                reader.line_after(line, match["code"]),
                f"неизвестный код показателя «{match['code']}»",
            )
        else:
            terms.append(Term(code=match["code"]))
    return tuple(terms)
