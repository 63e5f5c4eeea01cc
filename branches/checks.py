"""The registry of checks: every rule the data of a span is checked against, written once.

A check has a code, a severity (an error blocks a library's hand-in; a warning needs
a written explanation; info only confirms a balance), a title and a `run` that yields
its results from the figures of the span (`figures.checks.Context`: the figures per
library of the span and of the same span a year before, read once by the caller).

The apps that own a figure declare its checks beside it (`holdings/checks.py`,
`indicators/checks.py`…) and `register_check()` them from their AppConfig.ready(),
as they declare their kinds; this module imports no app. The hand-in, `check_data`,
the overview and the report all print the results of this one list:

- `handin`: an edit check of a library's hand-in (False: a note only the report
  prints, such as the fund's balance);
- `note`: how the report prints a result in its own section's notes, when it does
  (the hand-in's notes then repeat it only with its explanation); None: the report
  prints it among the hand-in's notes.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from reportkit.data import Note

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_LABELS = {ERROR: _("ошибка"), WARNING: _("внимание"), INFO: _("справка")}


def _shown(value, grouping: bool) -> str:
    """A count as a reader reads it (10 000 in either language); anything else as it is."""
    if grouping and isinstance(value, int) and not isinstance(value, bool):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


@dataclass
class Result:
    code: str
    severity: str
    library: object  # a branches.models.Library, None: a figure of the whole ЦБС
    subject: str  # which figure, column or database: part of the explanation's key
    text: object  # a lazy message with %(name)s placeholders
    params: dict = field(default_factory=dict)
    explanation: object = None  # a handin.models.Explanation, attached by the hand-in
    # The admin lists of the rows behind it, attached by the page that shows it
    # (`handin.kinds.attach_row_links`, from its check's `rows`).
    links: list = field(default_factory=list)
    # What the report's note needs beyond the message (a fund row, a list item…).
    data: object = None

    @property
    def key(self) -> str:
        owner = self.library.code if self.library else "-"
        return f"{self.code}:{owner}:{self.subject}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def needs_explanation(self) -> bool:
        return self.severity == WARNING and not (self.explanation and self.explanation.text)

    def message(self, language: str | None = None, *, grouping: bool = True) -> str:
        """The message in `language`; its counts with the language's thousands
        separator (10 000), except with `grouping=False`: the report prints its
        figures as the seed writes them (283120)."""
        language = language or translation.get_language() or "ru"
        with translation.override(language):
            params = {k: _shown(v, grouping) for k, v in self.params.items()}
            return str(self.text) % params

    def severity_label(self) -> str:
        return str(SEVERITY_LABELS[self.severity])


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    title: object
    run: Callable[["Check", object], Iterable[Result]]
    default_threshold: int | None = None
    threshold_label: object = ""
    handin: bool = True
    # The report's section the note prints in; and the note itself (see the module's doc).
    section: str = ""
    note: Callable[[Result], Note | None] | None = None
    # Reads the figures of the same span a year before (the caller reads them only then).
    compares: bool = False
    # The kinds (codes in `branches.kinds`) whose rows a result is about: the pages link
    # it to their admin lists, filtered to its library and span. A tuple, or a function
    # of the result when that depends on the figure it names (`subject`).
    rows: tuple[str, ...] | Callable[[Result], tuple[str, ...]] = ()

    def kinds_behind(self, result: Result) -> tuple[str, ...]:
        return self.rows(result) if callable(self.rows) else self.rows

    def result(self, library, subject, text, *, data=None, **params) -> Result:
        if library is not None:
            params.setdefault("library", library.short_name)
        return Result(self.code, self.severity, library, subject, text, params, data=data)


def printed_in(section: str) -> Callable[[Result], Note]:
    """A check's `note`: its message as the report prints it in `section`, a library named
    by its abbreviation in the report's language (ОҚК in a Kazakh report)."""

    def note(result: Result) -> Note:
        params = dict(result.params)
        if result.library is not None:
            params["library"] = result.library.abbreviation()
        return Note(result.severity, str(result.text) % params, section)

    return note


CHECKS: list[Check] = []


def register_check(check: Check) -> Check:
    """Add a check (from an app's ready()); a code is registered once."""
    if any(known.code == check.code for known in CHECKS):
        raise ValueError(f"check {check.code} is already registered")
    CHECKS.append(check)
    return check


def check_by_code(code: str) -> Check:
    for check in CHECKS:
        if check.code == code:
            return check
    raise KeyError(code)


@dataclass(frozen=True)
class Compared:
    """A figure the checks compare with the same span a year before (changed much, the
    same as last year, zero where it was not): `value` takes one library's figures
    (`figures.reader.LibraryFigures`). The key figures and the kinds' declared figures are
    compared anyway; an app registers the figures of its own (the work log's)."""

    key: str
    label: object  # a lazy string
    value: Callable[[object], int]
    kinds: tuple[str, ...] = ()  # the kinds whose rows make the figure


COMPARED: list[Compared] = []


def register_compared(*figures: Compared) -> None:
    for figure in figures:
        if any(known.key == figure.key for known in COMPARED):
            raise ValueError(f"compared figure {figure.key} is already registered")
        COMPARED.append(figure)


def handin_checks() -> list[Check]:
    """The hand-in's edit checks, in the registry's order."""
    return [check for check in CHECKS if check.handin]
