"""Who sees which dashboard page: the one check every dashboard view goes through.

The director and the methodologist see their whole organization and any of its
libraries; a librarian sees only their own library (the organization's page
sends them there, another library's page does not exist for them: 404). A user
without a staff profile, or with no dashboard role, gets 403.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from branches.models import Library, Organization, StaffProfile
from branches.scoping import DIRECTOR, METHODOLOGIST

NO_PROFILE = _("Панель доступна сотрудникам ЦБС: у этой учётной записи нет профиля сотрудника.")


@dataclass(frozen=True)
class Viewer:
    organization: Organization
    own_library: Library | None  # a librarian's library; None: the whole organization

    @property
    def is_librarian(self) -> bool:
        return self.own_library is not None


def dashboard_viewer(user) -> Viewer:
    """Who is asking: the staff profile and whether a role shows the whole
    organization, read in one query (every dashboard request asks)."""
    sees_all = Group.objects.filter(user=OuterRef("user"), name__in=[DIRECTOR, METHODOLOGIST])
    profile = next(
        iter(
            StaffProfile.objects.select_related("organization", "library")
            .filter(user=user)
            .annotate(sees_all=Exists(sees_all))
            .order_by()[:1]
        ),
        None,
    )
    user._staff_profile_cache = profile  # branches.scoping.staff_profile's, for the rest
    if profile is None:
        raise PermissionDenied(NO_PROFILE)
    if profile.library_id is not None:
        return Viewer(profile.organization, profile.library)
    if user.is_superuser or profile.sees_all:
        return Viewer(profile.organization, None)
    raise PermissionDenied(NO_PROFILE)


def library_for_viewer(viewer: Viewer, code: str) -> Library:
    """The library `code` if the viewer may see it, else 404 (not 403: no hint it exists)."""
    if viewer.is_librarian:
        if viewer.own_library.code != code:
            raise Http404
        return viewer.own_library
    try:
        return Library.objects.get(organization=viewer.organization, code=code)
    except Library.DoesNotExist:
        raise Http404 from None
