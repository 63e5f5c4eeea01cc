"""The admin site: its index lists each app's models in the registry's order.

Django sorts an app's models by name; a librarian looks for what they enter,
so each app shows its kinds of data in the order `branches.kinds` declares
them, the pick lists after them. A librarian's index goes further: the kinds
they enter, from every app, come first under «Ввод данных», and what they only
read after them.
"""

import threading

from django.apps import apps
from django.contrib import admin
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from branches.kinds import KINDS, LIBRARIAN, PICK_LIST, kind_for, kind_order
from branches.lockout import AdminLoginForm
from branches.scoping import is_librarian, staff_profile, user_roles
from entry.admin_names import NamedAdminMixin, delete_selected
from entry.lock_banner import list_banner

ENTRY = _("Ввод данных")
READ_ONLY = _("Справочники (только просмотр)")


def _order(model_entry: dict) -> tuple:
    model = model_entry["model"]
    place = kind_order(model)
    if place is None:
        return (True, len(KINDS))
    return (kind_for(model).rights is PICK_LIST, place)


def _entered_by_librarian(model_entry: dict) -> bool:
    kind = kind_for(model_entry["model"])
    return kind is not None and "add" in kind.rights.get(LIBRARIAN, ())


class AdminSite(admin.AdminSite):
    login_form = AdminLoginForm  # says when one attempt is left before the lockout

    def __init__(self, name="admin"):
        super().__init__(name)
        self.add_action(delete_selected, "delete_selected")

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin, ours and the packages' (users, axes, tasks), names its
        model in the right forms (`entry.admin_names`)."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, NamedAdminMixin):
            admin_class = type(
                admin_class.__name__,
                (NamedAdminMixin, admin_class),
                {"__module__": admin_class.__module__},
            )
        return super().register(model_or_iterable, admin_class, **options)

    # The app lists built, by everything they depend on (`_rights`): the same user with the
    # same rights, language and locks gets the list built for them before. Bounded: emptied
    # when full. Read only: each request gets the same lists, which nobody changes.
    _built_lists: dict = {}
    _built_lists_lock = threading.Lock()
    BUILT_LISTS_KEPT = 1024

    def get_app_list(self, request, app_label=None):
        """The list of apps and models (every page's sidebar, the index) the user may open.

        Building it asks every model admin for its rights (some 50 models, five rights
        each) and reverses two URLs per model: 15 ms of every admin page. What decides it
        is read once per request instead (`_rights`, the same queries the rights ask) and
        a list already built for the same answer is given again."""
        built = request.__dict__.setdefault("_admin_app_lists", {})
        if app_label not in built:
            key = (self._rights(request), app_label)
            app_list = self._built_lists.get(key)
            if app_list is None:
                app_list = self._app_list(request, app_label)
                with self._built_lists_lock:
                    if len(self._built_lists) >= self.BUILT_LISTS_KEPT:
                        self._built_lists.clear()
                    self._built_lists[key] = app_list
            built[app_label] = app_list
        return built[app_label]

    def _rights(self, request) -> tuple:
        """Everything the model admins' rights read besides the code: the user and their
        permissions, roles and profile (the organization, library or region they belong
        to), and, on a page opened (GET), the locks that take «Добавить» away
        (`ScopedAdmin.has_add_permission`); with the language, the URLs' prefix and the
        URLconf, which the names and links are in. A right that comes to read anything
        else must add it here (tests/admin/test_app_list_memo.py compares the lists given
        with lists built anew, after each kind of change)."""
        user = request.user
        profile = staff_profile(user)
        locks = None
        if request.method in ("GET", "HEAD"):
            locks = tuple(
                list_banner(request, model)
                for model in apps.get_models()
                if self.is_registered(model)
            )
        return (
            user.pk,
            user.is_active,
            user.is_staff,
            user.is_superuser,
            frozenset(user.get_all_permissions()),
            None if user.is_superuser else frozenset(user_roles(user)),
            profile
            and (profile.pk, profile.organization_id, profile.library_id, profile.region_id),
            locks,
            translation.get_language(),
            get_script_prefix(),
            get_urlconf(),
            self.name,
        )

    def _app_list(self, request, app_label):
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            app["models"].sort(key=_order)
        if app_label is None and is_librarian(request.user):
            return self._librarian_groups(app_list)
        return app_list

    def _librarian_groups(self, app_list: list[dict]) -> list[dict]:
        models = sorted((m for app in app_list for m in app["models"]), key=_order)
        entry = [m for m in models if _entered_by_librarian(m)]
        read_only = [m for m in models if not _entered_by_librarian(m)]
        groups = [(ENTRY, "entry", entry), (READ_ONLY, "lists", read_only)]
        index = reverse("admin:index", current_app=self.name)
        return [
            {
                "name": name,
                "app_label": code,
                "app_url": index,
                "has_module_perms": True,
                "models": group,
            }  # fmt: skip
            for name, code, group in groups
            if group
        ]
