from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from entry.admin_base import LIBRARY_FILTER, DatePeriodFilter, ScopedAdmin
from indicators.admin_month import MonthSheetAdminMixin
from indicators.models import IndicatorPlan, LibraryState, StaffState, WorkLogEntry


@admin.register(WorkLogEntry)
class WorkLogEntryAdmin(MonthSheetAdminMixin, ScopedAdmin):
    list_display = ["date", "span", "library", "users", "visits", "loans", "references"]
    list_filter = [LIBRARY_FILTER, DatePeriodFilter, "span"]
    date_hierarchy = "date"
    search_fields = ["note", "library__short_name", "library__name_ru"]
    list_select_related = ["library"]
    fieldsets = [
        (None, {"fields": ["library", "date", "span"]}),
        (
            _("Пользователи"),
            {"fields": ["users", "users_children", "users_youth", "users_remote"]},
        ),
        (_("Посещения"), {"fields": ["visits", "visits_events", "visits_remote"]}),
        (
            _("Книговыдача"),
            {
                "fields": [
                    "loans",
                    "loans_kk",
                    "loans_books",
                    "loans_periodicals",
                    "loans_electronic",
                ]
            },
        ),
        (_("Справки"), {"fields": ["references", "note"]}),
    ]


@admin.register(IndicatorPlan)
class IndicatorPlanAdmin(ScopedAdmin):
    list_display = ["year", "half", "library", "users", "visits", "loans"]
    list_filter = [LIBRARY_FILTER, "year", "half"]
    search_fields = ["library__short_name", "library__name_ru"]
    list_select_related = ["library"]
    fields = ["library", "year", "half", "users", "visits", "loans"]
    # A plan read by an approved report is read-only: ScopedAdmin asks the data layer's
    # rule (IndicatorPlan.periods_reading, branches.facts.frozen_reason).


class StateAdmin(ScopedAdmin):
    date_hierarchy = "date"
    list_filter = [LIBRARY_FILTER]
    search_fields = ["note", "library__short_name", "library__name_ru"]
    list_select_related = ["library"]


@admin.register(LibraryState)
class LibraryStateAdmin(StateAdmin):
    list_display = ["date", "library", "settlement", "population", "area", "seats", "computers"]
    list_filter = [LIBRARY_FILTER, "settlement"]
    fieldsets = [
        (None, {"fields": ["library", "date", "address", "settlement", "population"]}),
        (
            _("Помещения и оборудование"),
            {
                "fields": [
                    "area",
                    "seats",
                    "seats_computers",
                    "seats_internet",
                    "computers",
                    "computers_internet",
                    "outreach_points",
                ]
            },
        ),
        (
            _("Состояние помещений"),
            {
                "fields": [
                    "condition",
                    "last_repair_year",
                    "last_repair_kind",
                    "fire_alarm",
                    "security_alarm",
                    "accessible",
                    "note",
                ]
            },
        ),
    ]


@admin.register(StaffState)
class StaffStateAdmin(StateAdmin):
    list_display = ["date", "library", "persons", "posts"]
    fieldsets = [
        (None, {"fields": ["library", "date", "persons", "posts"]}),
        (
            _("Библиотечное образование"),
            {"fields": ["higher_education", "secondary_education"]},
        ),
        (_("Возраст"), {"fields": ["age_under_30", "age_30_55", "age_over_55"]}),
        (
            _("Стаж работы"),
            {"fields": ["service_under_3", "service_3_10", "service_over_10", "note"]},
        ),
    ]
