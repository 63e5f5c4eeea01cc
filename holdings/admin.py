from django.contrib import admin

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


@admin.register(FundSnapshot)
class FundSnapshotAdmin(CopiesAdmin):
    list_display = ["date", "library", "kind", "copies", "copies_kk"]
    list_filter = [LIBRARY_FILTER, "kind"]
    fields = ["library", "date", "kind", "copies", "copies_kk", "note"]
