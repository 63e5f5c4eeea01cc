"""The fund's checks (the registry: `branches.checks`), registered from HoldingsConfig.ready().

Each rule is written once; the hand-in shows its message, the report prints its note
in section III «Ресурсы» (the fund's balance and the unknown funds are the report's notes
only).
"""

import datetime

from django.utils.translation import gettext_lazy as _

from branches.checks import ERROR, INFO, WARNING, Check, printed_in, register_check
from branches.models import Library
from holdings.models import FundSnapshot
from holdings.selectors import fund_movement
from reportkit import sections as S
from reportkit.data import Note

TOTAL = _("Всего по ЦБС")
FUND_COLUMNS = (
    ("start", _("на начало")),
    ("received", _("поступило")),
    ("written_off", _("выбыло")),
    ("end", _("на конец")),
)
# The rows a library's fund is made of (`branches.kinds`): its states, receipts, write-offs.
FUND_ROWS = ("fund_snapshots", "receipts", "writeoffs")
# The rows behind a column of the fund's table.
COLUMN_ROWS = {"received": ("receipts",), "written_off": ("writeoffs",)}


def _column_rows(result) -> tuple[str, ...]:
    """A column's rows: its receipts or write-offs, the whole fund's at the start or end."""
    return COLUMN_ROWS.get(result.subject.removeprefix("total_"), FUND_ROWS)


def _rows(ctx):
    """(library or None, fund row): each library's row, and the ЦБС's total when the
    whole ЦБС is checked."""
    rows = [(lib, ctx.now[lib.pk].fund) for lib in ctx.libraries]
    if ctx.organization_wide:
        rows.append((None, ctx.fund.total))
    return rows


def _name(result) -> str:
    """A library by its abbreviation in the report's language; the total as «Всего по ЦБС»."""
    return result.library.abbreviation() if result.library else str(TOTAL)


def _ledger_identity(check, ctx):
    for lib in ctx.libraries:
        row = ctx.now[lib.pk].fund
        if row.discrepancy is None:
            continue
        yield check.result(
            lib,
            "fund_end",
            _(
                "%(library)s: фонд %(end)s по инвентаризации – %(inventory)s экз., а по учёту "
                "(%(start)s + %(received)s − %(off)s) – %(ledger)s экз. Исправьте поступления, "
                "списания или инвентаризацию."
            ),
            data=row,
            end=ctx.span.end_label,
            inventory=(row.ledger_end + row.discrepancy).copies,
            start=row.start.copies,
            received=row.received.copies,
            off=row.written_off.copies,
            ledger=row.ledger_end.copies,
        )


def _discrepancy_note(result) -> Note | None:
    """The report states the discrepancy as its own figure, for a fund known at the start."""
    row = result.data
    if not row.start_known:
        return None
    text = _(
        "%(library)s: по инвентаризации фонд %(end)s – %(inv)s экз. "
        "(на каз. яз. %(inv_kk)s), по учёту (начало + поступило − выбыло) – "
        "%(ledger)s (%(ledger_kk)s); расхождение по инвентаризации %(diff)s "
        "(%(diff_kk)s)."
    )
    figures = {
        "library": _name(result),
        "end": result.params["end"],
        "inv": row.end.copies,
        "inv_kk": row.end.copies_kk,
        "ledger": row.ledger_end.copies,
        "ledger_kk": row.ledger_end.copies_kk,
        "diff": row.discrepancy.copies,
        "diff_kk": row.discrepancy.copies_kk,
    }
    return Note(WARNING, text % figures, S.RESOURCES)


def _ledger_continuity(check, ctx):
    """An opening balance on the half-year's first day must equal the ledger's end before it."""
    start = ctx.span.start
    ids = [lib.pk for lib in ctx.libraries]
    known = set(
        FundSnapshot.objects.filter(library__in=ids, date__lt=start)
        .values_list("library", flat=True)
        .distinct()
    )
    if not known:
        return
    day_before = start - datetime.timedelta(days=1)
    eve = fund_movement(
        organization=ctx.organization,
        start=day_before,
        end=day_before,
        libraries=Library.objects.filter(pk__in=known),
    )
    for row in eve.rows:
        if row.discrepancy is None:
            continue
        yield check.result(
            row.library,
            "fund_start",
            _(
                "%(library)s: начальный остаток фонда на %(date)s – %(opening)s экз., а на конец "
                "прошлого полугодия по учёту – %(ledger)s экз. Остаток должен продолжать учёт."
            ),
            date=start.strftime("%d.%m.%Y"),
            opening=(row.ledger_end + row.discrepancy).copies,
            ledger=row.ledger_end.copies,
        )


def _kazakh_above_total(check, ctx):
    """Known columns whose Kazakh copies exceed all copies (an unknown fund has no copies
    to compare)."""
    for lib, row in _rows(ctx):
        unknown = {"start": not row.start_known, "end": not row.end_known}
        for attr, column in FUND_COLUMNS:
            if unknown.get(attr):
                continue
            amount = getattr(row, attr)
            if amount.copies_kk > amount.copies:
                yield check.result(
                    lib,
                    attr if lib else f"total_{attr}",
                    _(
                        "%(library)s: экземпляров на казахском языке (%(kk)s) больше, чем всего "
                        "(%(copies)s), в графе «%(column)s»."
                    ),
                    **({} if lib else {"library": TOTAL}),
                    data=amount,
                    kk=amount.copies_kk,
                    copies=amount.copies,
                    column=column,
                )


def _kazakh_note(result) -> Note | None:
    """The message as the report prints it, the library by its abbreviation; a negative
    figure is left to `fund_negative`'s note."""
    if result.data.copies < 0 or result.data.copies_kk < 0:
        return None
    return printed_in(S.RESOURCES)(result)


def _fund_negative(check, ctx):
    for lib, row in _rows(ctx):
        end = row.end
        if row.end_known and (end.copies < 0 or end.copies_kk < 0):
            yield check.result(
                lib,
                "fund_end" if lib else "total_fund_end",
                # The Kazakh copies are named only when there are any.
                _(
                    "%(library)s: фонд %(end)s ниже нуля – %(copies)s экз. (на казахском языке "
                    "%(kk)s): списано больше, чем было."
                )
                if end.copies_kk
                else _(
                    "%(library)s: фонд %(end)s ниже нуля – %(copies)s экз.: списано больше, чем было."
                ),
                **({} if lib else {"library": TOTAL}),
                end=ctx.span.end_label,
                copies=end.copies,
                kk=end.copies_kk,
            )


def _negative_note(result) -> Note:
    text = _(
        "%(library)s: фонд %(end)s отрицательный (%(copies)s экз., на каз. яз. "
        "%(kk)s): списано больше, чем было. Проверьте начальный остаток фонда."
    )
    return Note(ERROR, text % {**result.params, "library": _name(result)}, S.RESOURCES)


def unknown_fund_message(row, start_label: str) -> str:
    """What the report's note and the dashboard say of a library whose fund at the start
    is unknown (a row of `FundMovement.unknown`), in the active language."""
    text = _(
        "%(library)s: фонд %(start)s неизвестен — не внесено ни одно состояние фонда. "
        "Её поступления и списания учтены в итогах ЦБС; внесите начальный остаток фонда "
        "библиотеки."
    )
    if row.end_known:
        text = _(
            "%(library)s: фонд %(start)s неизвестен — первое состояние фонда внесено "
            "внутри периода; в таблице фонда оно показано в графе «Фонд впервые учтён»."
        )
    return text % {"library": row.library.abbreviation(), "start": start_label}


def unknown_fund_messages(fund, span) -> list[str]:
    return [unknown_fund_message(row, span.start_label) for row in fund.unknown]


def _unknown_fund(check, ctx):
    """A library with receipts or write-offs but no recorded state of its fund: its
    balance can't be kept (the ledger starts at its first state), so the librarian is
    asked for the opening balance; the report prints it as a note in section III."""
    for row in ctx.fund.unknown:
        if not row.end_known:
            yield check.result(
                row.library,
                "fund_start",
                _(
                    "%(library)s: фонд неизвестен — не внесено ни одно состояние фонда, а "
                    "поступило %(received)s экз., списано %(written_off)s экз. Внесите "
                    "начальный остаток фонда: без него остаток библиотеки не считается."
                ),
                data=row,
                received=row.received.copies,
                written_off=row.written_off.copies,
                start=ctx.span.start_label,
            )


def _first_recorded(check, ctx):
    """A library whose first state of its fund is dated inside the span."""
    for row in ctx.fund.unknown:
        if row.end_known:
            yield check.result(row.library, "fund_start", "", data=row, start=ctx.span.start_label)


def _unknown_note(result) -> Note:
    """The report's wording (the dashboard says the same: `unknown_fund_messages`)."""
    return Note(WARNING, unknown_fund_message(result.data, result.params["start"]), S.RESOURCES)


def _signed(value: int) -> str:
    """«+ 5» or «− 5»: a figure added to a sum reads without a «+ -5»."""
    return f"+ {value}" if value >= 0 else f"− {-value}"


def _balance(check, ctx):
    total = ctx.fund.total
    figures = {
        "start": total.start.copies,
        "received": total.received.copies,
        "off": total.written_off.copies,
        "end": total.end.copies,
        "start_kk": total.start.copies_kk,
        "received_kk": total.received.copies_kk,
        "off_kk": total.written_off.copies_kk,
        "end_kk": total.end.copies_kk,
    }
    if total.first_recorded is not None:
        # A first state, and a discrepancy if any, each its own term: the sum reads as printed.
        figures["first"] = _signed(total.first_recorded.copies)
        figures["first_kk"] = _signed(total.first_recorded.copies_kk)
        text = _(
            "Баланс фонда по ЦБС: %(start)s + %(received)s − %(off)s %(first)s (фонд "
            "впервые учтён) = %(end)s экз.; на каз. яз.: %(start_kk)s + %(received_kk)s − "
            "%(off_kk)s %(first_kk)s = %(end_kk)s."
        )
        if total.discrepancy is not None:
            figures["diff"] = _signed(total.discrepancy.copies)
            figures["diff_kk"] = _signed(total.discrepancy.copies_kk)
            text = _(
                "Баланс фонда по ЦБС: %(start)s + %(received)s − %(off)s %(first)s (фонд "
                "впервые учтён) %(diff)s (расхождение по инвентаризации) = %(end)s экз.; на "
                "каз. яз.: %(start_kk)s + %(received_kk)s − %(off_kk)s %(first_kk)s "
                "%(diff_kk)s = %(end_kk)s."
            )
    elif total.discrepancy is None:
        text = _(
            "Баланс фонда по ЦБС: %(start)s + %(received)s − %(off)s = %(end)s экз.; "
            "на каз. яз.: %(start_kk)s + %(received_kk)s − %(off_kk)s = %(end_kk)s."
        )
    else:
        figures["diff"] = _signed(total.discrepancy.copies)
        figures["diff_kk"] = _signed(total.discrepancy.copies_kk)
        text = _(
            "Баланс фонда по ЦБС: %(start)s + %(received)s − %(off)s %(diff)s "
            "(расхождение по инвентаризации) = %(end)s экз.; на каз. яз.: %(start_kk)s + "
            "%(received_kk)s − %(off_kk)s %(diff_kk)s = %(end_kk)s."
        )
    yield check.result(None, "balance", text, **figures)


def _approved_continuity(check, ctx):
    """A half-year that does not start where the approved previous one ended."""
    approved = ctx.approved_previous_end
    start = ctx.fund.total.start
    if approved is None or approved == start:
        return
    yield check.result(
        None,
        "fund_start",
        _(
            "Фонд по ЦБС %(start_label)s – %(start)s экз. (на каз. яз. %(start_kk)s), а "
            "утверждённый отчёт за предыдущее полугодие закончился на %(end)s "
            "(%(end_kk)s): с тех пор изменены данные до его конца. Проверьте "
            "начальные остатки и записи прошлых периодов."
        )
        if start.copies_kk or approved.copies_kk
        else _(
            "Фонд по ЦБС %(start_label)s – %(start)s экз., а утверждённый отчёт за "
            "предыдущее полугодие закончился на %(end)s: с тех пор изменены данные до его "
            "конца. Проверьте начальные остатки и записи прошлых периодов."
        ),
        start_label=ctx.span.start_label,
        start=start.copies,
        start_kk=start.copies_kk,
        end=approved.copies,
        end_kk=approved.copies_kk,
    )


def register() -> None:
    for check in (
        Check(
            "kazakh_above_total",
            ERROR,
            _("На казахском языке не больше, чем всего"),
            _kazakh_above_total,
            rows=_column_rows,
            note=_kazakh_note,
        ),
        Check(
            "fund_negative",
            ERROR,
            _("Фонд не ниже нуля"),
            _fund_negative,
            rows=FUND_ROWS,
            note=_negative_note,
        ),
        Check(
            "ledger_identity",
            ERROR,
            _("Учёт фонда сходится с инвентаризацией"),
            _ledger_identity,
            rows=FUND_ROWS,
            note=_discrepancy_note,
        ),
        Check(
            "ledger_continuity",
            ERROR,
            _("Начальный остаток продолжает учёт прошлого полугодия"),
            _ledger_continuity,
            rows=FUND_ROWS,
        ),
        Check(
            "unknown_fund",
            WARNING,
            _("Фонд библиотеки неизвестен"),
            _unknown_fund,
            rows=FUND_ROWS,
            note=_unknown_note,
        ),
        Check(
            "fund_first_recorded",
            WARNING,
            _("Фонд впервые учтён внутри периода"),
            _first_recorded,
            rows=("fund_snapshots",),
            handin=False,
            note=_unknown_note,
        ),
        Check(
            "fund_balance",
            INFO,
            _("Баланс фонда по ЦБС"),
            _balance,
            rows=FUND_ROWS,
            handin=False,
            note=printed_in(S.RESOURCES),
        ),
        Check(
            "approved_continuity",
            WARNING,
            _("Полугодие продолжает утверждённый отчёт"),
            _approved_continuity,
            rows=FUND_ROWS,
            handin=False,
            note=printed_in(S.RESOURCES),
        ),
    ):
        register_check(check)
