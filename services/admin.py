from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from entry.admin_base import LIBRARY_FILTER, PERIOD_FILTER, DatePeriodFilter, ScopedAdmin
from services.models import ClubWork, Recognition, ReferenceWork


@admin.register(ReferenceWork)
class ReferenceWorkAdmin(ScopedAdmin):
    list_display = ["period", "library", "references", "remote", "ill_received", "edd_received"]
    list_filter = [LIBRARY_FILTER, PERIOD_FILTER]
    search_fields = ["library__short_name", "library__name_ru"]
    list_select_related = ["period", "library"]
    fieldsets = [
        (None, {"fields": ["library", "period"]}),
        (
            _("Справки"),
            {"fields": ["thematic", "factual", "address", "clarifying", "references", "remote"]},
        ),
        (
            _("Информационная работа"),
            {"fields": ["information_days", "library_lessons", "reviews"]},
        ),
        (
            _("МБА и ЭДД"),
            {
                "fields": [
                    "ill_received",
                    "ill_sent",
                    "ill_supplied",
                    "edd_received",
                    "edd_sent",
                    "edd_supplied",
                ]
            },
        ),
        (None, {"fields": ["note"]}),
    ]


@admin.register(ClubWork)
class ClubWorkAdmin(ScopedAdmin):
    list_display = ["name_ru", "library", "period", "audience", "members", "meetings"]
    list_filter = [LIBRARY_FILTER, PERIOD_FILTER, "audience"]
    search_fields = ["name_ru", "name_kk", "library__short_name"]
    list_select_related = ["period", "library"]
    fields = [
        "library",
        "period",
        "name_ru",
        "name_kk",
        "audience",
        "founded",
        "members",
        "meetings",
        "note",
    ]


@admin.register(Recognition)
class RecognitionAdmin(ScopedAdmin):
    list_display = ["date", "kind", "name_ru", "library", "whole_system"]
    list_filter = [LIBRARY_FILTER, DatePeriodFilter, "kind"]
    date_hierarchy = "date"
    search_fields = ["name_ru", "name_kk", "library__short_name"]
    list_select_related = ["library"]
    fields = ["library", "date", "kind", "name_ru", "name_kk", "whole_system", "note", "note_kk"]
