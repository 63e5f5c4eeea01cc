from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from entry.admin_base import (
    LIBRARY_FILTER,
    PERIOD_FILTER,
    DatePeriodFilter,
    FieldErrorsForm,
    ListItemAdmin,
    ScopedAdmin,
)
from events.models import Audience, Event, EventForm, Initiative, OnlineFigures


@admin.register(EventForm)
class EventFormAdmin(ListItemAdmin):
    pass


@admin.register(Initiative)
class InitiativeAdmin(ListItemAdmin):
    pass


@admin.register(Audience)
class AudienceAdmin(ListItemAdmin):
    pass


class EventAdminForm(FieldErrorsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("audiences")
        if field is not None:
            # Values switched off are not offered, but an event keeps the ones it has.
            kept = Q(pk__in=self.instance.audiences.all()) if self.instance.pk else Q()
            field.queryset = field.queryset.filter(Q(is_active=True) | kept)


@admin.register(Event)
class EventAdmin(ScopedAdmin):
    form = EventAdminForm
    list_display = [
        "date", "title", "form", "library", "is_online", "highlight", "participants", "position"
    ]  # fmt: skip
    list_filter = [
        LIBRARY_FILTER,
        DatePeriodFilter,
        "is_online",
        "form",
        "initiatives",
        "audiences",
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
                    "audiences",
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
        (_("Как в отчёте"), {"fields": ["whole_system", "wording_ru", "wording_kk"]}),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "audiences":
            # A handful of values, several per event: ticked, not searched for.
            # "radiolist": the admin's own layout of a choice list (labels not cut to
            # the field's label width).
            kwargs.setdefault("widget", forms.CheckboxSelectMultiple(attrs={"class": "radiolist"}))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


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
