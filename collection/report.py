"""The annual report's sections of this app: «Структура фонда. Подписка на периодические
издания» and «Пользователи по группам. Внестационарное обслуживание» (a year only: the
builder builds the annual sections for a year span).

The figures are the ones this app declares (branches.kinds, key=False), read per library
by the figures reader and handed in `context.library_figures()`: one path per figure. What
is no declared figure — the copies by branch of knowledge (a pick list's rows), users by
occupation (kept by some libraries only) and the number of outreach points (the network's
state) — the parts read once (`read`), each in one query.

A library with no row for the span prints «нет данных», never 0; a total over some of the
libraries says «по N из M библиотек».
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from branches.kinds import kind_by_code
from collection.models import FundBranchCopies, UserGroups
from reportkit import sections as S
from reportkit.data import AuditColumn, HeaderCell, Paragraph, Row, Table
from reportkit.parts import Part
from reportkit.text import number

NO_DATA = gettext_lazy("нет данных")


def over_some(value: int, known: int, of: int) -> str:
    """A total over some of the libraries: «45 (по 1 из 2 библиотек)», a word, not a number
    (no formula sums it)."""
    return _("%(value)s (по %(known)s из %(of)s библиотек)") % {
        "value": number(value),
        "known": known,
        "of": of,
    }


def _latest_rows(model, context, **extra):
    """The latest half's row of each library in the span ({library id: row}): a state's
    rule (AT_END), as the reader's figures. One query."""
    rows = model.objects.filter(
        library__in=context.library_ids, period__in=context.span.period_ids, **extra
    ).order_by("period__year", "period__half")
    return {row.library_id: row for row in rows}


def _table(context, title, columns, values, known, *, formulas=None, header=None) -> Table:
    """A table of the libraries and their total: `values(figures)` gives a library's
    figures for `columns`, `known(library, figures)` whether it has any."""
    rows, sums, counted = [], [0] * len(columns), 0
    per_library = context.library_figures()
    for library, figures in per_library:
        if known(library, figures):
            cells = values(library, figures)
            counted += 1
            sums = [s + (c or 0) for s, c in zip(sums, cells, strict=True)]
            rows.append(Row([library.abbreviation(context.language), *cells]))
        else:
            rows.append(
                Row([library.abbreviation(context.language)] + [str(NO_DATA)] * len(columns))
            )
    of = len(per_library)
    if counted == of and of:
        total = list(sums)
    elif counted:
        total = [over_some(value, counted, of) for value in sums]
    else:
        total = [str(NO_DATA)] * len(columns)
    rows.append(Row([_("Всего по ЦБС"), *total], kind="total"))
    if header is None:
        header = [[HeaderCell(_("Библиотека")), *(HeaderCell(str(c)) for c in columns)]]
    return Table(
        title=title,
        header=header,
        rows=rows,
        widths=[2] + [1] * len(columns),
        formulas=formulas or {},
    )


def _audited(table: Table, parts: str, title) -> Table:
    """The XLSX's check beside the table: the parts' sum by formula against the total
    (column B), so an auditor sees the breakdown make the whole."""
    table.audit.append(AuditColumn(str(title), parts, "B"))
    return table


def _declared(*names):
    return lambda _library, figures: [figures.declared.get(name, 0) for name in names]


def _entered(column: str):
    return lambda _library, figures: bool(figures.entered.get(column))


def _share_formula(part: str, whole: str) -> str:
    return (
        f'IF(OR(NOT(ISNUMBER({{{part}}})),NOT(ISNUMBER({{{whole}}})),{{{whole}}}=0),"",'
        f"ROUND({{{part}}}/{{{whole}}}*100,1))"
    )


def _with_share(table: Table, part: int, whole: int) -> Table:
    """Appends a «доля, %» column of cells[part] / cells[whole] (the XLSX's formula, the
    printed figure its cached value)."""
    for row in table.rows:
        p, w = row.cells[part], row.cells[whole]
        numeric = isinstance(p, int) and isinstance(w, int) and w
        row.cells.append(round(p * 100 / w, 1) if numeric else None)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    column = letters[len(table.rows[0].cells) - 1]
    table.formulas[column] = _share_formula(letters[part], letters[whole])
    table.header[-1].append(HeaderCell(_("доля на казахском языке, %")))
    table.widths.append(1)
    return table


# --- Структура фонда. Подписка ------------------------------------------------


@dataclass
class FundRead:
    # {branch: copies} over the libraries that entered their fund by branch, in the
    # pick list's order; and how many libraries did.
    branches: dict = field(default_factory=dict)
    libraries: int = 0


def fund_read(context) -> FundRead:
    rows = _latest_periods(
        FundBranchCopies.objects.filter(
            library__in=context.library_ids, period__in=context.span.period_ids
        ).select_related("branch", "period")
    )
    branches: dict = {}
    for row in sorted(rows, key=lambda r: (r.branch.order, r.branch.name_ru)):
        branches[row.branch] = branches.get(row.branch, 0) + row.copies
    return FundRead(branches=branches, libraries=len({row.library_id for row in rows}))


def _latest_periods(rows) -> list:
    """The rows of each library's latest half in the span (a state: AT_END)."""
    rows = list(rows)
    latest: dict[int, tuple] = {}
    for row in rows:
        key = (row.period.year, row.period.half)
        latest[row.library_id] = max(latest.get(row.library_id, key), key)
    return [row for row in rows if (row.period.year, row.period.half) == latest[row.library_id]]


def fund_blocks(context, read: FundRead) -> list:
    date = context.states_end_label
    known = _entered("fund_structure")
    blocks: list = [
        _audited(_table(
            context,
            _("Структура фонда по видам документов %(date)s, экз.") % {"date": date},
            [_("всего"), _("книги"), _("периодические издания"), _("электронные издания"),
             _("аудиовизуальные документы"), _("прочие")],
            _declared("structure_total", "structure_books", "structure_periodicals",
                      "structure_electronic", "structure_audiovisual", "structure_other_media"),
            known,
        ), "{C}+{D}+{E}+{F}+{G}", _("сумма видов документов, по формуле")),
        _with_share(
            _audited(_table(
                context,
                _("Структура фонда по языкам %(date)s, экз.") % {"date": date},
                [_("всего"), _("на казахском языке"), _("на русском языке"),
                 _("на других языках")],
                _declared("structure_total", "structure_kazakh", "structure_russian",
                          "structure_other_languages"),
                known,
            ), "{C}+{D}+{E}", _("сумма по языкам, по формуле")),
            part=2,
            whole=1,
        ),
    ]  # fmt: skip
    blocks += _branches_blocks(context, read)
    blocks.append(
        _table(
            context,
            _("Подписка на периодические издания"),
            [_("наименований"), _("в т.ч. на казахском языке"), _("экземпляров"),
             _("в т.ч. на казахском языке"), _("сумма, тенге")],
            _declared("subscription_titles", "subscription_titles_kk", "subscription_copies",
                      "subscription_copies_kk", "subscription_amount"),
            _entered("subscriptions"),
        )
    )  # fmt: skip
    if context.span.is_year:
        blocks.append(
            Paragraph(
                _(
                    "Наименований за год – наибольшее из полугодий (одно издание выписывают "
                    "на оба полугодия); экземпляры и сумма – за оба полугодия."
                ),
                style="note",
            )
        )
    return blocks


def _branches_blocks(context, read: FundRead) -> list:
    of = len(context.library_ids)
    if not read.libraries:
        return [Paragraph(_("Фонд по отраслям знаний (ББК): %(none)s.") % {"none": NO_DATA})]
    total = sum(read.branches.values())
    rows = [
        Row(
            [
                branch.name_in(context.language),
                copies,
                round(copies * 100 / total, 1) if total else None,
            ]
        )
        for branch, copies in read.branches.items()
    ]
    if read.libraries == of:
        rows.append(Row([_("Всего по ЦБС"), total, 100.0 if total else None], kind="total"))
    else:
        rows.append(
            Row([_("Всего по ЦБС"), over_some(total, read.libraries, of), None], kind="total")
        )
    return [
        Table(
            title=_("Фонд по отраслям знаний (ББК) %(date)s, экз.")
            % {"date": context.states_end_label},
            header=[[HeaderCell(_("Отрасль знаний")), HeaderCell(_("экземпляров")),
                     HeaderCell(_("доля, %"))]],
            rows=rows,
            widths=[3, 1, 1],
        )
    ]  # fmt: skip


# --- Пользователи по группам. Внестационарное обслуживание ---------------------


@dataclass
class UsersRead:
    occupation: dict = field(default_factory=dict)  # {library id: UserGroups}
    outreach_points: dict = field(default_factory=dict)  # {library id: points}


def users_read(context) -> UsersRead:
    """Users by occupation (the latest half's row) and the outreach points of the
    network's state at the span's end (indicators.LibraryState, named through the registry
    of kinds: this app stands below indicators). Two queries."""
    occupation = _latest_rows(UserGroups, context)
    states = (
        kind_by_code("library_states")
        .model_class.objects.filter(library__in=context.library_ids, date__lte=context.span.end)
        .order_by("date")
    )
    points = {state.library_id: state.outreach_points for state in states}
    return UsersRead(occupation=occupation, outreach_points=points)


def users_blocks(context, read: UsersRead) -> list:
    blocks = [
        _audited(_table(
            context,
            _("Пользователи по группам (с начала года)"),
            [_("всего"), _("дети до 14 лет"), _("молодёжь 15–30 лет"), _("взрослые"),
             _("из них пенсионеры"), _("люди с инвалидностью")],
            _declared("group_total", "group_children", "group_youth", "group_adults",
                      "group_pensioners", "group_disabled"),
            _entered("user_groups"),
        ), "{C}+{D}+{E}", _("дети, молодёжь и взрослые, по формуле")),
    ]  # fmt: skip
    kept = {
        pk: row
        for pk, row in read.occupation.items()
        if row.students is not None or row.employed is not None
    }
    if kept:
        blocks.append(
            _table(
                context,
                _("Пользователи по роду занятий (где учитывается)"),
                [_("учащиеся и студенты"), _("работающие")],
                lambda library, _f: [kept[library.pk].students, kept[library.pk].employed],
                lambda library, _f: library.pk in kept,
            )
        )
    header = [
        [HeaderCell(_("Библиотека"), rowspan=2),
         HeaderCell(_("Пункты внестационарного обслуживания"), colspan=4),
         HeaderCell(_("Выездное обслуживание"), colspan=4)],
        [HeaderCell(_("пунктов")), HeaderCell(_("пользователей")), HeaderCell(_("посещений")),
         HeaderCell(_("книговыдача")), HeaderCell(_("выездов")), HeaderCell(_("пользователей")),
         HeaderCell(_("посещений")), HeaderCell(_("книговыдача"))],
    ]  # fmt: skip
    figures = _declared(
        "outreach_points_users", "outreach_points_visits", "outreach_points_loans",
        "outreach_mobile_trips", "outreach_mobile_users", "outreach_mobile_visits",
        "outreach_mobile_loans",
    )  # fmt: skip
    blocks.append(
        _table(
            context,
            _("Внестационарное обслуживание"),
            [""] * 8,
            lambda library, f: [read.outreach_points.get(library.pk, 0), *figures(library, f)],
            _entered("outreach"),
            header=header,
        )
    )
    return blocks


PARTS = (
    Part(sections=(S.FUND_STRUCTURE,), build=fund_blocks, read=fund_read),
    Part(sections=(S.USER_GROUPS,), build=users_blocks, read=users_read),
)
