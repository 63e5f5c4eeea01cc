"""The month grid page of the work log: `/log/<library>/<YYYY-MM>/`.

A librarian reaches only her library (another's is a 404, as on the home page);
the methodologist and the director any library of their ЦБС, the director only
to read (a save is a 403). `/log/` opens the month that is due.
"""

import datetime
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from branches.facts import frozen_reason
from branches.models import Library
from branches.scoping import staff_profile
from indicators.grid import (
    GROUPS,
    NOTE_FIELD,
    MonthRefused,
    Span,
    cell_name,
    due_month,
    month_days,
    month_grid_save,
    month_rows,
    month_span,
    part_rules,
)
from indicators.grid import column_label as _label
from indicators.models import WorkLogEntry
from indicators.models.worklog import COUNT_FIELDS

VIEW = "indicators.view_worklogentry"
CHANGE = ("indicators.add_worklogentry", "indicators.change_worklogentry")


def _libraries(user):
    profile = staff_profile(user)
    if profile is None:
        raise Http404
    if profile.library_id is not None:
        return Library.objects.filter(pk=profile.library_id)
    return Library.objects.filter(organization_id=profile.organization_id).order_by("order")


def _library_for(user, code: str) -> Library:
    try:
        return _libraries(user).select_related("organization").get(code=code)
    except Library.DoesNotExist:
        raise Http404 from None


def _month_url(library: Library, year: int, month: int) -> str:
    return reverse("indicators:month_grid", args=[library.code, f"{year:04d}-{month:02d}"])


@login_required
def log_due(request):
    """The month that is due of the user's library (a methodologist's first one), or
    the library and month the page's picker asks for (`?library=…&month=YYYY-MM`)."""
    if not request.user.has_perm(VIEW):
        raise PermissionDenied
    code = request.GET.get("library")
    library = _library_for(request.user, code) if code else _libraries(request.user).first()
    if library is None:
        raise Http404
    asked = request.GET.get("month")
    when = _parse_month(asked) if asked else due_month(library)
    return redirect(_month_url(library, *when))


def _parse_month(text: str) -> tuple[int, int]:
    try:
        when = datetime.datetime.strptime(text, "%Y-%m")
    except ValueError:
        raise Http404 from None
    return when.year, when.month


@login_required
def month_grid(request, code: str, month: str):
    library = _library_for(request.user, code)
    if not request.user.has_perm(VIEW):
        raise PermissionDenied
    year, month_number = _parse_month(month)
    may_edit = all(request.user.has_perm(p) for p in CHANGE)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    posted, problems, saved = None, [], None
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        span = request.POST.get("span", Span.DAY)
        try:
            saved = month_grid_save(
                library=library, year=year, month=month_number, span=span,
                data=request.POST, user=request.user,
            )  # fmt: skip
        except MonthRefused as refused:
            problems = refused.problems
            posted = request.POST
        if wants_json:
            return _json_answer(saved, problems)
        if saved is not None:
            messages.success(request, _saved_message(saved))
            return redirect(request.get_full_path())
    elif request.method != "GET":
        raise PermissionDenied
    rows = month_rows(library, year, month_number)
    span = month_span(rows)
    if request.GET.get("span") == Span.MONTH and not rows:
        span = Span.MONTH
    if posted is not None:
        span = posted.get("span", span) if posted.get("span") in Span.values else span
    context = _grid_context(library, year, month_number, span, rows, posted, problems)
    context["may_edit"] = may_edit
    _mark_uploaded(context, request.GET)
    return render(request, "indicators/month_grid.html", context, status=400 if problems else 200)


def _day_numbers(text: str) -> set[int]:
    return {int(part) for part in (text or "").split(",") if part.strip().isdigit()}


def _mark_uploaded(context, query) -> None:
    """The days a month sheet's upload added or changed (`?added=3,4&changed=10`, as
    the sheet's page redirects here) are marked, so the librarian sees them at once."""
    added, changed = _day_numbers(query.get("added")), _day_numbers(query.get("changed"))
    for line in context["lines"]:
        day = line["day"].day if line["day"] else None
        line["mark"] = "added" if day in added else "changed" if day in changed else ""
    context["marked"] = bool(added or changed)


def _saved_message(saved) -> str:
    message = _(
        "Месяц сохранён: добавлено дней — %(added)s, исправлено — %(changed)s, "
        "удалено — %(removed)s."
    )
    return message % {"added": saved.added, "changed": saved.changed, "removed": saved.removed}


def _json_answer(saved, problems):
    if saved is not None:
        return JsonResponse({"saved": True, "message": _saved_message(saved)})
    return JsonResponse(
        {
            "saved": False,
            "problems": [
                {"cell": p.cell if p.field else "", "where": _where(p), "message": p.message}
                for p in problems
            ],
        },
        status=400,
    )


def _where(problem) -> str:
    """The cell named as a person reads it: «05.03.2021, посещений»."""
    parts = [f"{problem.day:%d.%m.%Y}" if problem.day else _("за месяц")]
    if problem.field:
        parts.append(str(WorkLogEntry._meta.get_field(problem.field).verbose_name))
    return ", ".join(parts)


def _grid_context(library, year, month, span, rows, posted, problems):
    by_key = {(None if r.span == Span.MONTH else r.date): r for r in rows if r.span == span}
    errors = {}
    for problem in problems:
        if problem.field:
            errors.setdefault(problem.cell, []).append(problem)
    keys = [None] if span == Span.MONTH else month_days(year, month)
    columns = [
        {"name": name, "label": _label(name), "group": group, "is_total": name == names[0]}
        for group, names in GROUPS
        for name in names
    ]
    assert [c["name"] for c in columns] == list(COUNT_FIELDS)
    lines, totals = [], dict.fromkeys(COUNT_FIELDS, 0)
    for key in keys:
        row = by_key.get(key)
        cells = []
        for column in columns:
            name = column["name"]
            stored = "" if row is None else str(getattr(row, name))
            if row is not None:
                totals[name] += getattr(row, name)
            value = posted.get(cell_name(name, key), "") if posted is not None else stored
            cells.append({**column, "input": cell_name(name, key), "value": value, "stored": stored,
                          "errors": errors.get(cell_name(name, key), [])})  # fmt: skip
        note_name = cell_name(NOTE_FIELD, key)
        note_stored = row.note if row is not None else ""
        note = {
            "input": note_name,
            "value": posted.get(note_name, "") if posted is not None else note_stored,
            "stored": note_stored,
            "errors": errors.get(note_name, []),
        }
        lines.append(
            {
                "day": key,
                "weekend": key is not None and key.weekday() >= 5,
                "label": formats.date_format(key, "D, j") if key else _("за месяц"),
                "cells": cells,
                "note": note,
                "row_errors": [p for p in problems if not p.field and p.day == key],
            }
        )
    first = datetime.date(year, month, 1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    probe = WorkLogEntry(library=library, date=first, span=span)
    rules = [
        {"total": r.total, "parts": list(r.parts), "cell": r.cell, "message": r.message}
        for r in part_rules()
    ]
    return {
        "library": library,
        "libraries": _libraries_for_picker(library),
        "year": year,
        "month": month,
        "first": first,
        "span": span,
        "columns": columns,
        "groups": [(group, len(names)) for group, names in GROUPS],
        "lines": lines,
        "totals": [{"name": name, "value": totals[name]} for name in COUNT_FIELDS],
        "problems": problems,
        "problem_list": [
            {"where": _where(p), "message": p.message, "cell": p.cell if p.field else ""}
            for p in problems
        ],
        "rules_json": json.dumps(rules, ensure_ascii=False),
        "frozen": frozen_reason(probe),
        "previous_url": _month_url(library, previous.year, previous.month),
        "next_url": _month_url(library, following.year, following.month),
        "may_switch_to_month": not rows and span == Span.DAY,
        "draft_key": f"cbs-grid:{library.code}:{year:04d}-{month:02d}:{span}",
    }


def _libraries_for_picker(library):
    return Library.objects.filter(organization_id=library.organization_id).order_by("order")
