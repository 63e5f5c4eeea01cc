"""The admin's titles, buttons and counts with each model's name in the right form.

Django fills «Добавить %s», «Выберите %s для изменения», «Удалить выбранные
%(verbose_name_plural)s» and «29 %s» with a model's two names as they stand; the
site mixes `NamedAdminMixin` into every model admin it registers (`entry.admin_site`)
so each page passes the forms of `entry.model_names` instead, in the page's
language. The delete action is the site's own for the same reason: its button,
confirmation and «Удалено: …» message name the rows as a sentence needs.
"""

from django.contrib import messages
from django.contrib.admin import action
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from entry.model_names import noun_of, sentence

ADD = _("Добавить %(noun)s")
CHANGE = _("Изменить %(noun)s")
VIEW = _("Просмотреть %(noun)s")
SELECT = _("Выберите %(noun)s")
SELECT_TO_CHANGE = _("Выберите %(noun)s для изменения")
SELECT_TO_VIEW = _("Выберите %(noun)s для просмотра")
DELETE_SELECTED = _("Удалить выбранные %(noun)s")
DELETE_SELECTED_TITLE = _("Удалить выбранные записи")
CANNOT_DELETE = _("Нельзя удалить выбранные %(noun)s")
EXPORT_SELECTED = _("Экспортировать выбранные %(noun)s")
# The actions Django and import-export describe with the model's plural name.
ACTIONS_NAMING_ROWS = {"delete_selected": DELETE_SELECTED, "export_admin_action": EXPORT_SELECTED}
DELETED = _("Удалено: %(count)s.")


class NamedAdminMixin:
    """Titles, the add button and the count of a model admin in the right forms."""

    def add_label(self) -> str:
        return sentence(ADD, noun_of(self.opts).one)

    def _named(self, extra_context, **context) -> dict:
        return {**context, "add_label": self.add_label(), **(extra_context or {})}

    def changelist_view(self, request, extra_context=None):
        noun = noun_of(self.opts).one
        if request.GET.get("_popup"):
            title = sentence(SELECT, noun)
        elif self.has_change_permission(request):
            title = sentence(SELECT_TO_CHANGE, noun)
        else:
            title = sentence(SELECT_TO_VIEW, noun)
        return super().changelist_view(request, self._named(extra_context, title=title))

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The paginator's «29 строк дневника работы» (admin/pagination.html).
        changelist.counted_name = noun_of(self.opts).count(changelist.result_count)
        return changelist

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Django has decided by now whether the row may be changed or only viewed.
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if add:
            title = self.add_label()
        elif response.context_data.get("has_change_permission"):
            title = sentence(CHANGE, noun_of(self.opts).one)
        else:
            title = sentence(VIEW, noun_of(self.opts).one)
        response.context_data.update(title=title, add_label=self.add_label())
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        for action_name, phrase in ACTIONS_NAMING_ROWS.items():
            if action_name in actions:
                func, name, _description = actions[action_name]
                # Django formats a description with the model's names («%(verbose_name_plural)s»):
                # this one is whole already, so a literal «%» is doubled.
                label = sentence(phrase, noun_of(self.opts).many).replace("%", "%%")
                actions[action_name] = (func, name, label)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        # «Вы уверены, что хотите удалить строку дневника работы "…"?»
        context = self._named(extra_context, object_name=str(noun_of(self.opts).one))
        return super().delete_view(request, object_id, context)


@action(permissions=["delete"], description=DELETE_SELECTED_TITLE)
def delete_selected(modeladmin, request, queryset):
    """Django's delete action, its rows named in the right forms: the confirmation
    page (or the page saying what protects the rows) is Django's, told the plural;
    the deletion and its message are here, as Django does them."""
    noun = noun_of(modeladmin.opts)
    _objects, _count, perms_needed, protected = modeladmin.get_deleted_objects(queryset, request)
    if not request.POST.get("post") or protected:
        response = django_delete_selected(modeladmin, request, queryset)
        response.context_data["objects_name"] = str(noun.many)
        if perms_needed or protected:
            response.context_data["title"] = sentence(CANNOT_DELETE, noun.many)
        else:
            response.context_data["title"] = DELETE_SELECTED_TITLE
        return response
    if perms_needed:
        raise PermissionDenied
    count = len(queryset)
    if count:
        modeladmin.log_deletions(request, queryset)
        modeladmin.delete_queryset(request, queryset)
        modeladmin.message_user(request, DELETED % {"count": noun.count(count)}, messages.SUCCESS)
    return None  # back to the list
