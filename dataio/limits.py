"""How much an imported XLSX may make the server read, checked before reading.

A small file can unpack into hundreds of megabytes (a "zip bomb"), hold
millions of texts or rows, or name a column a billion letters wide. Each
limit is a setting (see the README's deploy section); the defaults let
through the biggest real file (100,000 rows, as `make bench` imports) and
refuse the rest within a second, naming the limit.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
# The settings (with their defaults in cbs_reports/settings.py, each from the
# environment): DATAIO_MAX_PART_SIZE, DATAIO_MAX_SHARED_STRINGS_SIZE (bytes
# unpacked), DATAIO_MAX_RATIO, DATAIO_MAX_SHARED_STRINGS, DATAIO_MAX_ROWS,
# DATAIO_MAX_CELL_LENGTH, DATAIO_MAX_SHEETS, DATAIO_MAX_PARTS.
RATIO_FLOOR = 1 * MB  # small parts (styles, a short sheet) compress as they like
MAX_COLUMN = 16_384  # Excel's last column, XFD

PART_TOO_BIG = _(
    "Файл «%(name)s» не загружен: его часть «%(part)s» занимает после распаковки "
    "%(size)s МБ, а допустимо не больше %(limit)s МБ. Разбейте данные на несколько файлов."
)
PART_TOO_PACKED = _(
    "Файл «%(name)s» не загружен: его часть «%(part)s» сжата в %(ratio)s раз, а допустимо "
    "не больше чем в %(limit)s раз. Так сжимаются только поддельные файлы; сохраните "
    "таблицу в Excel заново."
)
TOO_MANY_PARTS = _(
    "Файл «%(name)s» не загружен: в нём %(count)s внутренних частей, а допустимо не больше "
    "%(limit)s."
)
TOO_MANY_SHEETS = _(
    "Файл «%(name)s» не загружен: в нём %(count)s листов, а допустимо не больше %(limit)s."
)
TOO_MANY_SHARED_STRINGS = _(
    "Файл «%(name)s» не загружен: в нём больше %(limit)s разных текстов в ячейках. "
    "Разбейте данные на несколько файлов."
)
TOO_MANY_ROWS = _(
    "Лист «%(sheet)s»: больше %(limit)s строк (считая пустые строки, у которых есть "
    "оформление). Удалите лишние строки или разбейте данные на несколько файлов."
)
CELL_TOO_LONG = _(
    "Лист «%(sheet)s», ячейка %(cell)s: текст длиннее %(limit)s символов. Сократите его."
)
COLUMN_TOO_FAR = _(
    "Лист «%(sheet)s», строка %(row)s: ячейка «%(cell)s» за последним столбцом Excel (XFD)."
)


def limit(name: str) -> int:
    return getattr(settings, name)


def megabytes(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


class LimitExceeded(Exception):
    """A file over a limit; `message % params` (with the file's "name") says which."""

    def __init__(self, message, **params):
        self.message = message
        self.params = params
        super().__init__(str(message))

    def text(self, name: str = "") -> str:
        return str(self.message) % {"name": name, **self.params}
