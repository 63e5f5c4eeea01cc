"""The pick lists are shared by every ЦБС: one ЦБС's methodologist cannot bend
a value another ЦБС's rows use.

Renaming «мультимедиа», switching it off or flipping its flag would change
another ЦБС's figures, approved reports among them. Such a value is read-only
for a methodologist; only a superuser changes it (the admin's history records
who did). A value only her own ЦБС uses, or a new one, she edits freely.
"""

from django.utils.translation import gettext_lazy as _

from branches.scoping import lookups_for, user_organization

SHARED_VALUE_LOCKED = _(
    "Значение «%(name)s» используется в данных другой ЦБС: изменить или отключить его может "
    "только администратор. Если нужно другое значение, добавьте новое."
)


def used_elsewhere(item, organization) -> bool:
    """Whether rows of any ЦБС but `organization` point to the list value `item`."""
    if item.pk is None:
        return False
    for relation in item._meta.related_objects:
        model = relation.related_model
        rows = model._default_manager.filter(**{relation.field.name: item})
        _library, organization_lookup = lookups_for(model)
        if organization is not None and organization_lookup is not None:
            rows = rows.exclude(**{organization_lookup: organization.pk})
        if rows.exists():
            return True
    return False


def locked_for(user, item) -> bool:
    """A value the user may not change: used by another ЦБС, and she is no superuser."""
    if user.is_superuser or item is None or item.pk is None:
        return False
    return used_elsewhere(item, user_organization(user))
