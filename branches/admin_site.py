"""The admin site: its index lists each app's models in the registry's order.

Django sorts an app's models by name; a librarian looks for what they enter,
so each app shows its kinds of data in the order `branches.kinds` declares
them, the pick lists after them.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig

from branches.kinds import KINDS, PICK_LIST


def _order(model_entry: dict) -> tuple:
    model = model_entry["model"]
    for index, kind in enumerate(KINDS):
        if kind.model_class is model:
            return (kind.rights is PICK_LIST, index)
    return (True, len(KINDS))


class AdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            app["models"].sort(key=_order)
        return app_list


class AdminConfig(DjangoAdminConfig):
    """django.contrib.admin with this site (INSTALLED_APPS names it instead)."""

    default_site = "branches.admin_site.AdminSite"
