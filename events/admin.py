from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from entry.admin_base import (
    LIBRARY_FILTER,
    PERIOD_FILTER,
    DatePeriodFilter,
    FieldErrorsForm,
    ListItemAdmin,
    ScopedAdmin,
)
from events.glossary import suggest
from events.models import (
    KAZAKH_TEXTS,
    Audience,
    Event,
    EventForm,
    GlossaryEntry,
    Initiative,
    OnlineFigures,
)

# The longest Russian text the suggestion endpoint translates (the longest text field).
SUGGEST_MAX_LENGTH = 1000


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


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(ListItemAdmin):
    pass


@admin.register(Event)
class EventAdmin(ScopedAdmin):
    form = EventAdminForm

    class Media:
        js = ["events/kk_suggest.js"]
        css = {"all": ["events/kk_side_by_side.css"]}

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
        "direction",
        "platforms",
    ]
    date_hierarchy = "date"
    search_fields = [
        "title", "title_kk", "dedication", "dedication_kk", "audience", "audience_kk",
        "guests", "guests_kk", "note", "note_kk",
    ]  # fmt: skip
    list_select_related = ["library", "form"]
    autocomplete_fields = ["form", "platforms", "initiatives"]
    fieldsets = [
        # Each text beside its Kazakh version (Event.KAZAKH_TEXTS).
        (
            None,
            {
                "fields": [
                    "library",
                    "date",
                    ("title", "title_kk"),
                    "form",
                    ("dedication", "dedication_kk"),
                ]
            },
        ),
        (
            _("Где и в рамках чего"),
            {
                "fields": [
                    "is_online",
                    "platforms",
                    "initiatives",
                    ("series_kind", "series", "series_kk"),
                    "highlight",
                    "direction",
                    "position",
                ]
            },
        ),
        (
            _("Участники и отклик"),
            {
                "fields": [
                    "audiences",
                    ("audience", "audience_kk"),
                    ("guests", "guests_kk"),
                    "participants",
                    "views",
                    "url",
                    ("note", "note_kk"),
                    "note_in_report",
                ]
            },
        ),
        (_("Как в отчёте"), {"fields": ["whole_system", "wording_ru", "wording_kk"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Each Kazakh field names its Russian one and where to ask for a suggestion:
        events/kk_suggest.js adds the button, and fills nothing until it is accepted."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        name = db_field.name
        if field is not None and name.endswith("_kk") and name[:-3] in KAZAKH_TEXTS:
            field.widget.attrs.update(
                {
                    "data-suggest-url": reverse("admin:events_event_suggest_kk"),
                    "data-suggest-from": f"id_{name[:-3]}",
                    "data-suggest-label": _("Предложить перевод"),
                    "data-accept-label": _("Принять"),
                    "data-partial-label": _("Глоссарий знает не всё, допишите:"),
                    "data-none-label": _("Глоссарий не знает этих слов."),
                }
            )
        return field

    def get_urls(self):
        return [
            path(
                "suggest-kk/",
                self.admin_site.admin_view(self.suggest_kk_view),
                name="events_event_suggest_kk",
            ),
            *super().get_urls(),
        ]

    def suggest_kk_view(self, request):
        """The glossary's Kazakh form of `?text=`, for one who may enter events: it reads
        no row, so it is the same for every library; a director gets a 403."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.GET.get("text", "")[:SUGGEST_MAX_LENGTH]
        return JsonResponse(suggest(text).as_dict())

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
