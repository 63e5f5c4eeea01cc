"""Consistency notes: what a methodologist checks by hand before signing the report.

Each note names its section; the admin page shows them beside the section and
the exports list them at the end. Errors are figures that cannot be right,
warnings are figures that need a look, info confirms a balance.
"""

from django.utils.translation import gettext as _

from reportkit import sections as S
from reportkit.data import Note
from reportkit.text import count_noun


def _kazakh_above_total(row, columns) -> list[tuple[str, object]]:
    """Columns whose Kazakh copies exceed all copies: known, non-negative figures only
    (an unknown fund's figures are not compared, nor are negative ones)."""
    found = []
    for attr, column in columns:
        if (attr == "start" and not row.start_known) or (attr == "end" and not row.end_known):
            continue
        amount = getattr(row, attr)
        if amount.copies >= 0 and amount.copies_kk >= 0 and amount.copies_kk > amount.copies:
            found.append((column, amount))
    return found


def _signed(value: int) -> str:
    """«+ 5» or «− 5»: a figure added to a sum reads without a «+ -5»."""
    return f"+ {value}" if value >= 0 else f"− {-value}"


def _fund_notes(fund, span) -> list[Note]:
    notes = []
    columns = (
        ("start", _("на начало")),
        ("received", _("поступило")),
        ("written_off", _("выбыло")),
        ("end", _("на конец")),
    )
    for row in [*fund.rows, fund.total]:
        name = row.library.abbreviation() if row.library else _("Всего по ЦБС")
        for column, amount in _kazakh_above_total(row, columns):
            notes.append(
                Note(
                    "error",
                    _(
                        "%(library)s: экземпляров на казахском языке (%(kk)s) больше, "
                        "чем всего (%(copies)s), в графе «%(column)s»."
                    )
                    % {
                        "library": name,
                        "kk": amount.copies_kk,
                        "copies": amount.copies,
                        "column": column,
                    },
                    S.RESOURCES,
                )
            )
        if row.end_known and (row.end.copies < 0 or row.end.copies_kk < 0):
            notes.append(
                Note(
                    "error",
                    _(
                        "%(library)s: фонд %(end)s отрицательный (%(copies)s экз., на каз. яз. "
                        "%(kk)s): списано больше, чем было. Проверьте начальный остаток фонда."
                    )
                    % {
                        "library": name,
                        "end": span.end_label,
                        "copies": row.end.copies,
                        "kk": row.end.copies_kk,
                    },
                    S.RESOURCES,
                )
            )
        if row.library is not None and row.start_known and row.discrepancy is not None:
            notes.append(
                Note(
                    "warning",
                    _(
                        "%(library)s: по инвентаризации фонд %(end)s – %(inv)s экз. "
                        "(на каз. яз. %(inv_kk)s), по учёту (начало + поступило − выбыло) – "
                        "%(ledger)s (%(ledger_kk)s); расхождение по инвентаризации %(diff)s "
                        "(%(diff_kk)s)."
                    )
                    % {
                        "library": name,
                        "end": span.end_label,
                        "inv": row.end.copies,
                        "inv_kk": row.end.copies_kk,
                        "ledger": row.ledger_end.copies,
                        "ledger_kk": row.ledger_end.copies_kk,
                        "diff": row.discrepancy.copies,
                        "diff_kk": row.discrepancy.copies_kk,
                    },
                    S.RESOURCES,
                )
            )
    notes.extend(unknown_fund_notes(fund, span))
    notes.append(_balance_note(fund.total))
    return notes


def unknown_fund_notes(fund, span) -> list[Note]:
    """A note for each library whose fund at the start is unknown (`FundMovement.unknown`):
    the report's and the dashboard's."""
    notes = []
    for row in fund.unknown:
        text = _(
            "%(library)s: фонд %(start)s неизвестен — не внесено ни одно состояние фонда. "
            "Её поступления и списания учтены в итогах ЦБС; внесите начальный остаток фонда "
            "библиотеки."
        )
        if row.end_known:
            text = _(
                "%(library)s: фонд %(start)s неизвестен — первое состояние фонда внесено "
                "внутри периода; в итоге ЦБС оно учтено как расхождение по инвентаризации."
            )
        notes.append(
            Note(
                "warning",
                text % {"library": row.library.abbreviation(), "start": span.start_label},
                S.RESOURCES,
            )
        )
    return notes


def _balance_note(total) -> Note:
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
    if total.discrepancy is None:
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
    return Note("info", text % figures, S.RESOURCES)


def _digitization_notes(digitization, language) -> list[Note]:
    kinds = digitization.kinds
    notes = [
        Note(
            "info",
            _("Всего оцифровано %(documents)s = сумма по видам: %(parts)s.")
            % {
                "documents": count_noun(digitization.done, _("документ|документа|документов")),
                "parts": " + ".join(str(k.done) for k in kinds) or "0",
            },
            S.LOCAL_HISTORY,
        )
    ]
    for kind in kinds:
        if kind.done < kind.planned:
            notes.append(
                Note(
                    "warning",
                    _("%(kind)s: план не выполнен – план %(plan)s, выполнено %(done)s.")
                    % {"kind": kind.name(language), "plan": kind.planned, "done": kind.done},
                    S.LOCAL_HISTORY,
                )
            )
    return notes


def _catalogue_notes(catalogue, language) -> list[Note]:
    return [
        Note(
            "warning",
            _("%(database)s: записей стало меньше – было %(before)s, стало %(now)s.")
            % {"database": row.name(language), "before": row.before, "now": row.now},
            S.BIBLIOGRAPHY,
        )
        for row in catalogue.rows
        if row.fell
    ]


def _silent_libraries(data, span) -> list[Note]:
    """Libraries that entered nothing for the span, by every kind in the registry
    (`branches.entered`), an opening balance aside."""
    notes = []
    funded = {row.library.pk for row in data.fund.rows if row.start_known and row.start.copies}
    for library in data.libraries:
        if library.pk in data.entered.active:
            continue
        if library.pk in funded:
            text = _(
                "%(library)s: за %(span)s нет данных, кроме остатка фонда "
                "(ни поступлений, ни списаний, ни мероприятий, ни изданий)."
            )
        else:
            text = _("%(library)s: за %(span)s нет никаких данных.")
        notes.append(
            Note("warning", text % {"library": library.abbreviation(), "span": span.label}, "")
        )
    return notes


def _continuity_notes(data, span) -> list[Note]:
    """A half-year that does not start where the approved previous one ended."""
    approved = getattr(data, "approved_previous_end", None)
    start = data.fund.total.start
    if approved is None or approved == start:
        return []
    return [
        Note(
            "warning",
            _(
                "Фонд по ЦБС %(start_label)s – %(start)s экз. (на каз. яз. %(start_kk)s), а "
                "утверждённый отчёт за предыдущее полугодие закончился на %(end)s "
                "(%(end_kk)s): с тех пор изменены данные до его конца. Проверьте "
                "начальные остатки и записи прошлых периодов."
            )
            % {
                "start_label": span.start_label,
                "start": start.copies,
                "start_kk": start.copies_kk,
                "end": approved.copies,
                "end_kk": approved.copies_kk,
            },
            S.RESOURCES,
        )
    ]


def consistency_notes(data, span, language: str) -> list[Note]:
    return [
        *_fund_notes(data.fund, span),
        *_continuity_notes(data, span),
        *_digitization_notes(data.digitization, language),
        *_catalogue_notes(data.catalogue, language),
        *_silent_libraries(data, span),
    ]
