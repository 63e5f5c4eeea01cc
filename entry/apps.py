"""The data-entry admin: the base of every data admin, its import/export pages and
the admin site, above the import/export engine and below the domain apps."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class EntryConfig(AppConfig):
    # `entry` in INSTALLED_APPS; AdminConfig below is named in full. (Django's own
    # AdminConfig is reached through its module: a class imported here would be
    # one more candidate for the default.)
    default = True
    name = "entry"
    verbose_name = _("Ввод данных")

    def ready(self):
        # Here, once the apps are loaded: the search module imports the admin's helpers.
        from entry.search import fold_install

        fold_install()


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with this site (INSTALLED_APPS names it instead).

    Here, not beside the site: INSTALLED_APPS imports this module while the apps
    load, and the site's module imports models."""

    default = False
    default_site = "entry.admin_site.AdminSite"
