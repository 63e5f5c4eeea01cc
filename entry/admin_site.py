"""The admin site: its index lists each app's models in the registry's order.

Django sorts an app's models by name; a librarian looks for what they enter,
so each app shows its kinds of data in the order `branches.kinds` declares
them, the pick lists after them. A librarian's index goes further: the kinds
they enter, from every app, come first under «Ввод данных», and what they only
read after them.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from branches.kinds import KINDS, LIBRARIAN, PICK_LIST, kind_for, kind_order
from branches.lockout import AdminLoginForm
from branches.scoping import is_librarian
from entry.admin_names import NamedAdminMixin, delete_selected

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

    def get_app_list(self, request, app_label=None):
        """Built once per request and app: the index asks for it twice (its own list and
        the sidebar's), and each build asks every model admin for its five rights."""
        built = request.__dict__.setdefault("_admin_app_lists", {})
        if app_label not in built:
            built[app_label] = self._app_list(request, app_label)
        return built[app_label]

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
