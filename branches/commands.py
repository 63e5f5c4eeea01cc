"""What several management commands share: the ЦБС a command works on.

build_report and check_data take the same `--organization CODE` and answer a
missing or unknown code with the same messages.
"""

from django.core.management.base import CommandError

from branches.models import Organization, Region, Republic

ORGANIZATION_UNKNOWN = "Организация с кодом «{code}» не найдена. Есть: {known}."
ORGANIZATION_AMBIGUOUS = "Организаций несколько ({known}): укажите --organization КОД."
REGION_UNKNOWN = "Регион с кодом «{code}» не найден. Есть: {known}."
NO_ORGANIZATION = "В базе нет ни одной организации: загрузите данные (manage.py load_demo)."


def organization_for_command(code: str | None) -> Organization:
    """The organization of that code, or the only one when no code is given."""
    known = ", ".join(Organization.objects.order_by("code").values_list("code", flat=True))
    if code:
        org = Organization.objects.filter(code=code).first()
        if org is None:
            raise CommandError(ORGANIZATION_UNKNOWN.format(code=code, known=known or "—"))
        return org
    organizations = list(Organization.objects.all()[:2])
    if not organizations:
        raise CommandError(NO_ORGANIZATION)
    if len(organizations) > 1:
        raise CommandError(ORGANIZATION_AMBIGUOUS.format(known=known))
    return organizations[0]


def region_for_command(code: str) -> Region | Republic:
    """The region of that code, or the republic of that code (its consolidated report is
    the republic's)."""
    region = Region.objects.filter(code=code).first() or Republic.objects.filter(code=code).first()
    if region is None:
        codes = [*Region.objects.values_list("code", flat=True)]
        codes += Republic.objects.values_list("code", flat=True)
        raise CommandError(REGION_UNKNOWN.format(code=code, known=", ".join(sorted(codes)) or "—"))
    return region
