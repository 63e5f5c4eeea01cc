from django.contrib import admin

from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from entry.admin_base import LIBRARY_FILTER, PERIOD_FILTER, ListItemAdmin, ScopedAdmin


@admin.register(CatalogueDatabase)
class CatalogueDatabaseAdmin(ListItemAdmin):
    pass


@admin.register(RecordCount)
class RecordCountAdmin(ScopedAdmin):
    list_display = ["date", "database", "library", "records"]
    list_filter = [LIBRARY_FILTER, "database"]
    date_hierarchy = "date"
    search_fields = ["database__name_ru", "library__short_name"]
    list_select_related = ["database", "library"]
    autocomplete_fields = ["database"]
    fields = ["library", "database", "date", "records"]


@admin.register(VirtualReferences)
class VirtualReferencesAdmin(ScopedAdmin):
    list_display = ["period", "library", "count"]
    list_filter = [LIBRARY_FILTER, PERIOD_FILTER]
    search_fields = ["library__short_name", "library__name_ru"]
    list_select_related = ["period", "library"]
    fields = ["library", "period", "count"]
