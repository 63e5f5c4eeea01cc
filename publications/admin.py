from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from entry.admin_base import (
    DESCRIPTION_AFTER_SAVE,
    LIBRARY_FILTER,
    PERIOD_FILTER,
    DatePeriodFilter,
    ListItemAdmin,
    ScopedAdmin,
)
from publications.models import MediaMention, MediaMentionTotal, Publication, PublicationKind


@admin.register(PublicationKind)
class PublicationKindAdmin(ListItemAdmin):
    list_display = [*ListItemAdmin.list_display, "is_multimedia"]
    list_filter = [*ListItemAdmin.list_filter, "is_multimedia"]


@admin.register(Publication)
class PublicationAdmin(ScopedAdmin):
    list_display = ["title", "kind", "library", "date", "language", "description_display"]
    list_filter = [LIBRARY_FILTER, DatePeriodFilter, "kind", "language"]
    date_hierarchy = "date"
    search_fields = ["title", "annotation", "compilers", "issuer"]
    list_select_related = ["kind", "library"]
    autocomplete_fields = ["kind"]
    readonly_fields = ["description_display"]
    fieldsets = [
        (None, {"fields": ["library", "date", "kind", "language"]}),
        (_("Издание"), {"fields": ["title", "quoted", "annotation", "issuer", "compilers"]}),
        (
            _("Выходные данные"),
            {"fields": ["place", "year", "pages", "size_mb", "illustrated", "url"]},
        ),
        (_("Как в отчёте"), {"fields": ["description_display", "wording_ru", "wording_kk"]}),
    ]

    @admin.display(description=_("описание, как в отчёте"))
    def description_display(self, obj):
        return obj.description() if obj.pk else DESCRIPTION_AFTER_SAVE


@admin.register(MediaMention)
class MediaMentionAdmin(ScopedAdmin):
    list_display = ["title_short", "outlet", "kind", "library", "date", "by_librarian"]
    list_filter = [LIBRARY_FILTER, DatePeriodFilter, "kind", "by_librarian"]
    date_hierarchy = "date"
    search_fields = ["title", "author", "outlet", "url"]
    list_select_related = ["library"]
    readonly_fields = ["description_display"]
    fields = [
        "library",
        "date",
        "kind",
        "by_librarian",
        "language",
        "author",
        "title",
        "author_short",
        "outlet",
        "issue_number",
        "page",
        "url",
        "description_display",
        "wording_ru",
        "wording_kk",
    ]

    @admin.display(description=_("заглавие"), ordering="title")
    def title_short(self, obj):
        return str(obj)

    @admin.display(description=_("описание, как в отчёте"))
    def description_display(self, obj):
        return obj.description if obj.pk else DESCRIPTION_AFTER_SAVE


@admin.register(MediaMentionTotal)
class MediaMentionTotalAdmin(ScopedAdmin):
    list_display = ["period", "library", "mentions", "by_librarians", "tv_stories"]
    list_filter = [LIBRARY_FILTER, PERIOD_FILTER]
    search_fields = ["library__short_name", "library__name_ru"]
    list_select_related = ["period", "library"]
    fields = ["library", "period", "mentions", "by_librarians", "tv_stories"]
