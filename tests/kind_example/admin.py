from django.contrib import admin

from entry.admin_base import ScopedAdmin
from tests.kind_example.models import LibraryVisits


@admin.register(LibraryVisits)
class LibraryVisitsAdmin(ScopedAdmin):
    list_display = ["period", "library", "visits"]
    list_filter = ["period"]
    fields = ["library", "period", "visits"]
