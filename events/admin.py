from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from branches.admin_base import (
    LIBRARY_FILTER,
    PERIOD_FILTER,
    DatePeriodFilter,
    ListItemAdmin,
    ScopedAdmin,
)
from events.models import Event, EventForm, Initiative, OnlineFigures


@admin.register(EventForm)
class EventFormAdmin(ListItemAdmin):
    pass


@admin.register(Initiative)
class InitiativeAdmin(ListItemAdmin):
    pass


@admin.register(Event)
class EventAdmin(ScopedAdmin):
    list_display = [
        "date", "title", "form", "library", "is_online", "highlight", "participants", "position"
    ]  # fmt: skip
    list_filter = [
        LIBRARY_FILTER,
        DatePeriodFilter,
        "is_online",
        "form",
        "initiatives",
        "highlight",
        "platforms",
    ]
    date_hierarchy = "date"
    search_fields = ["title", "dedication", "audience", "guests", "note"]
    list_select_related = ["library", "form"]
    autocomplete_fields = ["form", "platforms", "initiatives"]
    fieldsets = [
        (None, {"fields": ["library", "date", "title", "form", "dedication"]}),
        (
            _("Где и в рамках чего"),
            {
                "fields": [
                    "is_online",
                    "platforms",
                    "initiatives",
                    ("series_kind", "series"),
                    "highlight",
                    "position",
                ]
            },
        ),
        (
            _("Участники и отклик"),
            {
                "fields": [
                    "audience",
                    "guests",
                    "participants",
                    "views",
                    "url",
                    "note",
                    "note_in_report",
                ]
            },
        ),
    ]


@admin.register(OnlineFigures)
class OnlineFiguresAdmin(ScopedAdmin):
    list_display = [
        "period",
        "library",
        "platform",
        "online_events",
        "subscribers",
        "views",
        "posts",
    ]
    list_filter = [LIBRARY_FILTER, PERIOD_FILTER, "platform"]
    search_fields = ["library__short_name", "library__name_ru"]
    list_select_related = ["period", "library", "platform"]
    fields = ["library", "period", "platform", "online_events", "subscribers", "views", "posts"]
