from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind
from entry.admin_base import (
    DESCRIPTION_AFTER_SAVE,
    LIBRARY_FILTER,
    PERIOD_FILTER,
    DatePeriodFilter,
    ListItemAdmin,
    ScopedAdmin,
)


@admin.register(DocumentKind)
class DocumentKindAdmin(ListItemAdmin):
    pass


@admin.register(DigitizationPlan)
class DigitizationPlanAdmin(ScopedAdmin):
    list_display = ["period", "kind", "planned"]
    list_filter = [PERIOD_FILTER, "kind"]
    search_fields = ["kind__name_ru"]
    list_select_related = ["period", "kind"]
    fields = ["organization", "period", "kind", "planned"]


@admin.register(DigitizedDocument)
class DigitizedDocumentAdmin(ScopedAdmin):
    list_display = ["title", "kind", "library", "date", "documents", "pages", "description_display"]
    list_filter = [LIBRARY_FILTER, DatePeriodFilter, "kind"]
    date_hierarchy = "date"
    search_fields = ["title", "author", "source", "publisher"]
    list_select_related = ["kind", "library"]
    readonly_fields = ["description_display"]
    fieldsets = [
        (None, {"fields": ["library", "date", "kind", "documents", "pages"]}),
        (
            _("Библиографическое описание"),
            {
                "fields": [
                    "author",
                    "title",
                    "author_short",
                    "source",
                    "place",
                    "publisher",
                    "year",
                    "language",
                    "description_display",
                ]
            },
        ),
    ]

    @admin.display(description=_("описание, как в отчёте"))
    def description_display(self, obj):
        return obj.description if obj.pk else DESCRIPTION_AFTER_SAVE
