"""Reading a cell into a Python value and writing a value into a cell.

Dates are dd.mm.yyyy (or a real Excel date), numbers are numbers, yes/no is
«да»/«нет», a choice is its Russian label. Lists, libraries and periods are
looked up by `dataio.lookups`; this module only handles plain values.
"""

import datetime
import math
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from dataio.schema import BOOL, CHOICE, DATE, DECIMAL, INT, TEXT, Column

NOT_A_DATE = _(
    "«%(value)s» — не дата. Введите дату в формате дд.мм.гггг (например, 05.03.2021) "
    "или ячейкой с форматом «Дата»."
)
NOT_A_WHOLE_NUMBER = _("«%(value)s» — не целое число.")
NOT_A_NUMBER = _("«%(value)s» — не число.")
NOT_YES_NO = _("«%(value)s»: введите «да» или «нет».")
NOT_A_CHOICE = _("«%(value)s» — такого значения нет. Допустимо: %(allowed)s.")

DATE_FORMAT = "%d.%m.%Y"
_DATE_TEXT = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")
YES = {"да", "1", "true", "иә", "+"}
NO = {"нет", "0", "false", "жоқ", "-"}


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the user."""

    def __init__(self, message, **params):
        super().__init__(str(message) % params if params else str(message))


# A spreadsheet program runs a CSV cell that starts with one of these as a
# formula (CSV injection). The CSV export writes such a text behind an
# apostrophe, as Excel itself marks text; the CSV import takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_escape(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_unescape(value):
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime(DATE_FORMAT)
    return str(value).strip()


def read_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if _DATE_TEXT.match(text):
        try:
            return datetime.datetime.strptime(text, DATE_FORMAT).date()
        except ValueError:
            pass
    raise CellError(NOT_A_DATE, value=text)


def _finite(value) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def read_int(value) -> int:
    if isinstance(value, bool):
        raise CellError(NOT_A_WHOLE_NUMBER, value=value)
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal) and _finite(value) and value == int(value):
        return int(value)
    text = _text(value).replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    raise CellError(NOT_A_WHOLE_NUMBER, value=_text(value))


def read_decimal(value) -> Decimal:
    if isinstance(value, bool):
        raise CellError(NOT_A_NUMBER, value=value)
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = _text(value).replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(NOT_A_NUMBER, value=_text(value)) from None
    if not number.is_finite():  # "inf", "NaN": no amount
        raise CellError(NOT_A_NUMBER, value=_text(value))
    return number


def read_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(NOT_YES_NO, value=_text(value))


def read_choice(column: Column, value):
    text = _text(value).casefold()
    for choice, label in column.choices:
        if text in (label.casefold(), str(choice).casefold()):
            return choice
    allowed = ", ".join(f"«{label}»" for _c, label in column.choices if label != "—")
    raise CellError(NOT_A_CHOICE, value=_text(value), allowed=allowed)


READERS = {
    TEXT: lambda column, value: _text(value),
    INT: lambda column, value: read_int(value),
    DECIMAL: lambda column, value: read_decimal(value),
    DATE: lambda column, value: read_date(value),
    BOOL: lambda column, value: read_bool(value),
    CHOICE: read_choice,
}


def write_plain(column: Column, value, native: bool = True):
    """The cell for a plain (non-relation) value; `native` False writes dates as text (CSV)."""
    if value is None or value == "":
        return None
    if column.kind == DATE:
        return value if native else value.strftime(DATE_FORMAT)
    if column.kind == BOOL:
        return "да" if value else "нет"
    if column.kind == CHOICE:
        return dict(column.choices).get(value, value) or ""
    if column.kind == DECIMAL:
        # openpyxl writes Decimal as a number; an integral amount stays "5", not "5.0".
        return value
    return value


def texts_not_formulas(book, formulas=frozenset()) -> None:
    """Before saving `book`: every text openpyxl would write as a formula (it starts
    with "=": a list value renamed to «=HYPERLINK(…)») is written as text, except
    the formulas we wrote ourselves, given as (sheet title, coordinate) pairs."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and (sheet.title, cell.coordinate) not in formulas:
                    cell.data_type = "s"


def shown(value):
    """A cell as the preview shows it and the row reader reads it: a blank cell
    blank (not "None"), an Excel date as dd.mm.yyyy (not "2 марта 2021 г. 0:00")."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime(DATE_FORMAT)
    return value
