"""Who may see which rows: the one place every admin, export, import and dashboard
query goes through.

A librarian sees only their own library's rows; the methodologist and the
director see everything of their organization; the region's methodologist and
management (a profile with a region and no organization) see everything of the
ЦБС of their region; a user without a staff profile sees nothing (a superuser
sees everything). Each model says how to reach its
library and its organization with two class attributes:

    library_lookup = "library"                   # None: the model has no library
    organization_lookup = "library__organization"
"""

from django.contrib.auth.models import Group
from django.db.models import Model, QuerySet

# The roles are declared with the kinds of data; re-exported here for the callers.
from branches.kinds import DIRECTOR as DIRECTOR
from branches.kinds import LIBRARIAN as LIBRARIAN
from branches.kinds import METHODOLOGIST as METHODOLOGIST
from branches.kinds import REGION_MANAGEMENT as REGION_MANAGEMENT
from branches.kinds import REGION_METHODOLOGIST as REGION_METHODOLOGIST
from branches.kinds import ROLES
from branches.models import Library, Organization, Region, StaffProfile


def staff_profile(user) -> StaffProfile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_staff_profile_cache", False)
    if cached is not False:
        return cached
    profile = (
        StaffProfile.objects.select_related("organization", "library", "region")
        .filter(user=user)
        .first()
    )
    user._staff_profile_cache = profile
    return profile


def user_library(user) -> Library | None:
    """The library a librarian works in; None for everybody else."""
    profile = staff_profile(user)
    return profile.library if profile else None


def user_organization(user) -> Organization | None:
    profile = staff_profile(user)
    return profile.organization if profile else None


def user_region(user) -> Region | None:
    """The region of the region's methodologist and management; None for everybody
    else (a ЦБС's staff belong to their organization, whose region is its own)."""
    profile = staff_profile(user)
    return profile.region if profile else None


def _region_lookup(organization_lookup: str) -> str:
    """From a model's organization lookup to its region: "organization" ->
    "organization__region"; the organization itself ("pk") -> "region"."""
    return "region" if organization_lookup == "pk" else f"{organization_lookup}__region"


def user_roles(user) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        cached = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        user._role_cache = cached
    return cached


def is_librarian(user) -> bool:
    return not user.is_superuser and user_library(user) is not None


def lookups_for(model: type[Model]) -> tuple[str | None, str | None]:
    if model is Library:
        return "pk", "organization"
    if model is Organization:
        return None, "pk"
    return (
        getattr(model, "library_lookup", None),
        getattr(model, "organization_lookup", None),
    )


def scope_queryset(queryset: QuerySet, user) -> QuerySet:
    """Narrow `queryset` to the rows `user` may see."""
    if user.is_superuser:
        return queryset
    profile = staff_profile(user)
    if profile is None:
        return queryset.none()
    library_lookup, organization_lookup = lookups_for(queryset.model)
    if profile.region_id is not None:
        if organization_lookup is not None:
            return queryset.filter(**{_region_lookup(organization_lookup): profile.region_id})
        if queryset.model is Region:
            return queryset.filter(pk=profile.region_id)
        return queryset  # a shared list
    if queryset.model is Region:
        return queryset.filter(organizations=profile.organization_id)
    if profile.library_id is not None and library_lookup is not None:
        return queryset.filter(**{library_lookup: profile.library_id})
    if organization_lookup is not None:
        return queryset.filter(**{organization_lookup: profile.organization_id})
    return queryset  # a shared list (sources, forms...): everybody reads it


def _lookup_id(obj: Model, lookup: str):
    """The id `lookup` leads to from `obj`, following foreign keys in memory:
    "library" -> obj.library_id, "library__organization" -> obj.library.organization_id."""
    if lookup == "pk":
        return obj.pk
    *path, last = lookup.split("__")
    for name in path:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    field = obj._meta.get_field(last)
    return getattr(obj, field.attname)


def may_touch(user, obj: Model) -> bool:
    """Whether `obj` (saved or not yet) lies inside what `user` may see.

    The same rule as `scope_queryset`, read from the object's own fields, so a
    form's instance can be checked before it is saved.
    """
    if user.is_superuser:
        return True
    profile = staff_profile(user)
    if profile is None:
        return False
    library_lookup, organization_lookup = lookups_for(type(obj))
    if profile.region_id is not None:
        if organization_lookup is not None:
            organization_id = _lookup_id(obj, organization_lookup)
            return (
                organization_id is not None
                and Organization.objects.filter(
                    pk=organization_id, region_id=profile.region_id
                ).exists()
            )
        if isinstance(obj, Region):
            return obj.pk == profile.region_id
        return True
    if isinstance(obj, Region):
        return obj.pk is not None and obj.organizations.filter(pk=profile.organization_id).exists()
    if profile.library_id is not None and library_lookup is not None:
        return _lookup_id(obj, library_lookup) == profile.library_id
    if organization_lookup is not None:
        return _lookup_id(obj, organization_lookup) == profile.organization_id
    return True


def ensure_groups() -> dict[str, Group]:
    """The role groups with the registry's permissions (also granted after every migrate)."""
    from django.contrib.auth.models import Permission

    from branches.roles import grant_role_permissions

    return grant_role_permissions(Group, Permission)
