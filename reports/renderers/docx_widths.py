"""Column widths of a DOCX table that leave room for the longest word of each header.

A Kazakh header word («жартыжылдығының») is long: a column as narrow as its share
of the page would break it in the middle, without a hyphen. Each column gets at
least what its header words need (a spanning header shares its need among its
columns); the rest of the page goes by the table's relative widths.
"""

import re

from reportkit.data import Table

HEADER_PT = 11  # the template's «Table Header»: 11 pt bold
CM_PER_PT = 2.54 / 72
CHAR_EM = 0.68  # width of a bold Cyrillic letter, in em: generous, so no word breaks
DIGIT_EM = 0.55
CELL_PADDING_CM = 0.45
BODY_PT = 11  # «Table Text»; a total row is bold


def word_cm(word: str, size_pt: float = HEADER_PT) -> float:
    ems = sum(DIGIT_EM if char.isdigit() else CHAR_EM for char in word)
    return ems * size_pt * CM_PER_PT + CELL_PADDING_CM


def _longest_word(text: str) -> str:
    # A hyphenated word may break after its hyphen, or its soft hyphen (U+00AD): its
    # parts count, not the whole.
    parts = [p for word in text.split() for p in re.split("(?<=[-\u00ad])", word) if p]
    return max(parts, key=len, default="")


def column_widths(block: Table, usable_cm: float) -> tuple[list[float], float]:
    """(column widths in cm, header font size in pt): the template's size when the words
    fit, else the largest smaller size at which they do."""
    columns = max(sum(c.colspan for c in line) for line in block.header)
    relative = block.widths or [1] * columns
    scale = usable_cm / sum(relative)
    widths = [w * scale for w in relative]
    for with_body in (True, False):
        for size in (HEADER_PT, 10, 9, 8):
            fitted = _fit(block, widths, columns, size, with_body)
            if fitted is not None:
                return fitted, size
    return widths, HEADER_PT


def _fit(
    block: Table, widths: list[float], columns: int, size: float, with_body: bool
) -> list[float] | None:
    need = [0.0] * columns
    for _r, c, head in block.header_grid():
        share = word_cm(_longest_word(head.text), size) / head.colspan
        for dc in range(head.colspan):
            need[c + dc] = max(need[c + dc], share)
    for row in block.rows if with_body else []:
        if row.kind == "group":
            continue
        for c, value in enumerate(row.cells[:columns]):
            if isinstance(value, int | float) or (isinstance(value, str) and len(value) < 12):
                need[c] = max(need[c], word_cm(_longest_word(str(value)), BODY_PT))
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    slack = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    if short <= 0:
        return widths
    if sum(slack) < short:
        return None
    ratio = short / sum(slack)
    return [max(w, n) - s * ratio for w, n, s in zip(widths, need, slack, strict=True)]
