"""Every write to a model of the data apps moves its organization's data version.

Saves, deletes (a queryset's delete sends them too, row by row, once a receiver
is connected) and many-to-many changes are caught here. Paths that send no
signals (bulk_create, queryset.update) call `data_changed` themselves: the
import and the data generator do.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from branches.kinds import DERIVED, KINDS
from datacache.version import data_changed

DATA_APPS = (
    "branches",
    "holdings",
    "catalogue",
    "digitization",
    "publications",
    "events",
    "indicators",  # the work log, plans and network states (sections I, II)
    "reports",
    "handin",  # explanations and check thresholds (the hand-ins themselves are branches')
)
# Through which foreign key a row reaches its organization, tried in this order.
OWNERS = ("library", "period", "report")


def organization_of(instance) -> int | None:
    """The organization whose data `instance` is; None for shared lists or when unknown."""
    model = type(instance)
    if model._meta.label == "branches.Organization":
        return instance.pk
    organization_id = getattr(instance, "organization_id", None)
    if organization_id is not None:
        return organization_id
    for field in OWNERS:
        owner_id = getattr(instance, f"{field}_id", None)
        if owner_id is None:
            continue
        cached = instance._state.fields_cache.get(field)
        if cached is not None:
            return organization_of(cached)
        owner_model = model._meta.get_field(field).related_model
        row = owner_model._default_manager.filter(pk=owner_id).first()
        return organization_of(row) if row is not None else None
    return None


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loaddata: the fixture's rows, no caches yet
    data_changed(organization_of(instance))


def _m2m_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        data_changed(organization_of(instance))


def data_models() -> set:
    """The data apps' models and every kind of data the registry knows (an app of
    its own may register one), but what is derived from the data (a report's file);
    simple_history's rows go with the row they record."""
    models = {model for label in DATA_APPS for model in apps.get_app_config(label).get_models()}
    models |= {kind.model_class for kind in KINDS}
    return {
        model
        for model in models
        if not model.__name__.startswith("Historical") and model._meta.label not in DERIVED
    }


def connect() -> None:
    for model in data_models():
        post_save.connect(
            _changed, sender=model, dispatch_uid=f"datacache-save-{model._meta.label}"
        )
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"datacache-delete-{model._meta.label}"
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _m2m_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"datacache-m2m-{model._meta.label}-{field.name}",
            )
