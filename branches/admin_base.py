"""The base of every data admin: rows narrowed to what the user may see.

Owned by the data-entry work (issue 3); import/export adds its mixin here.
"""

from simple_history.admin import SimpleHistoryAdmin

from branches.scoping import scope_queryset


class ScopedAdmin(SimpleHistoryAdmin):
    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user)
