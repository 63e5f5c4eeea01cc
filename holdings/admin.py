from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from entry.admin_base import (
    LIBRARY_FILTER,
    PERIOD_FILTER,
    DatePeriodFilter,
    ListItemAdmin,
    ScopedAdmin,
)
from holdings.models import (
    AcquisitionBudget,
    FundingSource,
    FundSnapshot,
    Receipt,
    WriteOff,
    WriteOffReason,
)


@admin.register(FundingSource)
class FundingSourceAdmin(ListItemAdmin):
    pass


@admin.register(WriteOffReason)
class WriteOffReasonAdmin(ListItemAdmin):
    pass


@admin.register(AcquisitionBudget)
class AcquisitionBudgetAdmin(ScopedAdmin):
    list_display = ["period", "source", "amount", "note"]
    list_filter = [PERIOD_FILTER, "source"]
    search_fields = ["note", "source__name_ru"]
    list_select_related = ["period", "source"]
    fields = ["organization", "period", "source", "amount", "note"]


class CopiesAdmin(ScopedAdmin):
    """Receipts, write-offs and snapshots: copies per library and date."""

    date_hierarchy = "date"
    list_select_related = ["library"]
    search_fields = ["note", "library__short_name", "library__name_ru"]


@admin.register(Receipt)
class ReceiptAdmin(CopiesAdmin):
    list_display = ["date", "library", "source", "copies", "copies_kk", "document"]
    list_filter = [LIBRARY_FILTER, DatePeriodFilter, "source"]
    search_fields = [*CopiesAdmin.search_fields, "document"]
    list_select_related = ["library", "source"]
    fields = ["library", "date", "source", "copies", "copies_kk", "document", "note"]


@admin.register(WriteOff)
class WriteOffAdmin(CopiesAdmin):
    list_display = ["date", "library", "reason", "act_number", "copies", "copies_kk"]
    list_filter = [LIBRARY_FILTER, DatePeriodFilter, "reason"]
    search_fields = [*CopiesAdmin.search_fields, "act_number"]
    list_select_related = ["library", "reason"]
    fields = ["library", "date", "reason", "act_number", "copies", "copies_kk", "note"]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """Warn before a write-off is entered for a library whose fund is unknown: nothing
        then keeps its balance from going below zero (the ledger starts at its first
        recorded state), so the librarian is told what to enter first."""
        unknown = _unknown_fund_libraries(context, obj)
        if unknown:
            messages.warning(request, unknown_fund_notice(unknown))
        return super().render_change_form(request, context, add, change, form_url, obj)


def _unknown_fund_libraries(context, obj) -> list:
    """The libraries the form may write off from (the row's own, or the choices of its
    library field) that have no recorded state of their fund. One query."""
    if obj is not None and obj.pk is not None:
        libraries = [obj.library]
    else:
        form = getattr(context.get("adminform"), "form", None)
        field = form.fields.get("library") if form is not None else None
        if field is None:
            return []
        libraries = list(field.queryset)
    recorded = set(
        FundSnapshot.objects.filter(library__in=libraries).values_list("library", flat=True)
    )
    return [lib for lib in libraries if lib.pk not in recorded]


def unknown_fund_notice(libraries) -> str:
    """What the write-off form says of libraries with an unknown fund, with a link to
    enter the opening balance."""
    text = _(
        "Фонд библиотеки неизвестен (%(libraries)s): не внесён её начальный остаток фонда. "
        "Списание сохранится и войдёт в итоги ЦБС, но остаток фонда библиотеки не "
        "считается, и никто не заметит, если списано больше, чем было. Сначала внесите "
        "начальный остаток фонда:"
    )
    if len(libraries) > 1:
        text = _(
            "Фонд библиотек неизвестен (%(libraries)s): не внесён их начальный остаток "
            "фонда. Списание сохранится и войдёт в итоги ЦБС, но остаток фонда такой "
            "библиотеки не считается, и никто не заметит, если списано больше, чем было. "
            "Сначала внесите начальный остаток фонда:"
        )
    text %= {"libraries": ", ".join(lib.abbreviation() for lib in libraries)}
    return format_html(
        '{} <a href="{}">{}</a>',
        text,
        reverse("admin:holdings_fundsnapshot_add"),
        _("добавить состояние фонда (вид «начальный остаток»)"),
    )


@admin.register(FundSnapshot)
class FundSnapshotAdmin(CopiesAdmin):
    list_display = ["date", "library", "kind", "copies", "copies_kk"]
    list_filter = [LIBRARY_FILTER, "kind"]
    fields = ["library", "date", "kind", "copies", "copies_kk", "note"]
