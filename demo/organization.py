"""The Balkhash ЦБС as the demo: organization, libraries, periods and demo users.

The figures of its first half of 2021 are loaded by `demo/half_year.py` on top
of this.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from branches.models import (
    Library,
    Organization,
    Region,
    ReportingPeriod,
    Republic,
    StaffProfile,
)
from branches.scoping import (
    DIRECTOR,
    LIBRARIAN,
    METHODOLOGIST,
    REGION_MANAGEMENT,
    REGION_METHODOLOGIST,
    ensure_groups,
)

DEMO_PASSWORD = "demo"

ORGANIZATION = {
    "code": "balkhash",
    "name_ru": "КГУ «Централизованная библиотечная система г.Балхаш»",
    "name_kk": "«Балқаш қаласының орталықтандырылған кітапхана жүйесі» КММ",
    "short_name": "ЦБС",
    "city_ru": "Балхаш",
    "city_kk": "Балқаш",
    "site": "http://www.balkhashlib.kz",
    # The annual report's signature block (invented demo names; a year's report prints it).
    "director_position_ru": "Директор КГУ «ЦБС г.Балхаш»",
    "director_position_kk": "«Балқаш қ. ОКЖ» КММ директоры",
    "director_name": "А.Б. Сейітова",
    "executor_name": "Д.С. Нұрланова",
    "phone": "8 (71036) 4-00-00",
}

# (code, kind, number, short name, name ru, name kk)
# Kazakh abbreviations as the methodologist gave them (kk-glossary.md): ОҚК is
# орталық қалалық кітапхана, ОҚБК орталық қалалық балалар кітапханасы.
SHORT_NAMES_KK = {
    "cgb": "ОҚК", "cgdb": "ОҚБК", "f1": "№1 филиал", "f2": "№2 филиал", "f3": "№3 филиал",
    "f4": "№4 филиал", "f5": "№5 филиал", "f6": "№6 филиал", "f7": "№7 филиал",
}  # fmt: skip
LIBRARIES = [
    ("cgb", "central", None, "ЦГБ",
     "Центральная городская библиотека им. С.Сейфуллина",
     "С.Сейфуллин атындағы орталық қалалық кітапхана"),
    ("cgdb", "central_children", None, "ЦГДБ",
     "Центральная городская детская библиотека им. А.Гайдара",
     "А.Гайдар атындағы орталық қалалық балалар кітапханасы"),
    ("f1", "branch", 1, "ф№1", "Библиотека-филиал №1", "№1 кітапхана-филиалы"),
    ("f2", "branch", 2, "ф№2", "Библиотека-филиал №2", "№2 кітапхана-филиалы"),
    ("f3", "branch", 3, "ф№3", "Библиотека-филиал №3", "№3 кітапхана-филиалы"),
    ("f4", "branch", 4, "ф№4", "Библиотека-филиал №4 «Сырлас»", "№4 «Сырлас» кітапхана-филиалы"),
    ("f5", "children_branch", 5, "ф№5", "Детская библиотека-филиал №5", "№5 балалар кітапхана-филиалы"),
    ("f6", "village", 6, "ф№6", "Библиотека-филиал №6, пос. Саяк", "№6 кітапхана-филиалы, Саяқ кенті"),
    ("f7", "branch", 7, "ф№7", "Библиотека-филиал №7", "№7 кітапхана-филиалы"),
]  # fmt: skip

PERIODS = [(2021, 1), (2021, 2)]

REPUBLIC = {"code": "kz", "name_ru": "Республика Казахстан", "name_kk": "Қазақстан Республикасы"}
REGION = {
    "code": "karaganda",
    "kind": Region.Kind.OBLAST,
    "name_ru": "Карагандинская область",
    "name_kk": "Қарағанды облысы",
}
# The oblast library's methodologist and its management (username, role, position).
REGION_USERS = [
    ("oblast-methodist", REGION_METHODOLOGIST, "Методист областной библиотеки"),
    ("oblast-director", REGION_MANAGEMENT, "Директор областной библиотеки"),
]


def due_dates(year: int, half: int) -> dict:
    """The ЦБС's due dates for a half-year: the libraries hand in by the 10th of the
    month after it, the ЦБС its report by the 20th. The demo's are all past, so the
    overview marks whoever has not handed in (`load_demo --hand-in` hands in every
    library but one: demo/handins.py)."""
    year, month = (year, 7) if half == 1 else (year + 1, 1)
    return {
        "libraries_due": datetime.date(year, month, 10),
        "organization_due": datetime.date(year, month, 20),
    }


# Demo users get addresses on a domain nobody owns, so their letters (password
# reset, hand-in notices) can be shown: `make demo` writes them into out/mail/.
DEMO_EMAIL_DOMAIN = "demo.cbs.kz"


def upsert(model, defaults: dict, **lookup):
    """update_or_create that saves only what changed, so reloading the demo
    adds no history rows for rows that are already as the demo wants them."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**{**defaults, **lookup})
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj


@transaction.atomic
def demo_organization_load() -> Organization:
    """Create or update the Balkhash ЦБС in its oblast, its libraries, periods and
    demo users (the oblast's too)."""
    republic = upsert(Republic, REPUBLIC, code=REPUBLIC["code"])
    region = upsert(Region, {**REGION, "republic": republic}, code=REGION["code"])
    org = upsert(Organization, {**ORGANIZATION, "region": region}, code=ORGANIZATION["code"])
    for order, (code, kind, number, short, name_ru, name_kk) in enumerate(LIBRARIES, 1):
        upsert(
            Library,
            organization=org,
            code=code,
            defaults={
                "kind": kind,
                "number": number,
                "short_name": short,
                "short_name_kk": SHORT_NAMES_KK[code],
                "name_ru": name_ru,
                "name_kk": name_kk,
                "order": order * 10,
            },
        )
    for year, half in PERIODS:
        upsert(ReportingPeriod, due_dates(year, half), organization=org, year=year, half=half)
    demo_users_load(org)
    return org


def demo_users_load(org: Organization) -> None:
    groups = ensure_groups()
    users = [
        ("methodist", METHODOLOGIST, None, "Методист ЦБС"),
        ("director", DIRECTOR, None, "Директор ЦБС"),
    ]
    users += [
        (f"librarian-{code}", LIBRARIAN, code, f"Библиотекарь {short}")
        for code, _k, _n, short, *_ in LIBRARIES
    ]
    for username, role, position in REGION_USERS:
        user = _demo_user(username, position)
        user.groups.set([groups[role]])
        upsert(
            StaffProfile,
            user=user,
            defaults={
                "organization": None,
                "library": None,
                "region": org.region,
                "position": position,
            },
        )
    for username, role, library_code, position in users:
        user = _demo_user(username, position)
        user.groups.set([groups[role]])
        library = org.libraries.get(code=library_code) if library_code else None
        upsert(
            StaffProfile,
            user=user,
            defaults={"organization": org, "library": library, "position": position},
        )


def _demo_user(username: str, position: str):
    """The demo's account `username` (password `demo`), created on first load."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True, "first_name": position}
    )
    email = f"{username}@{DEMO_EMAIL_DOMAIN}"
    if created or user.email != email:
        if created:
            user.set_password(DEMO_PASSWORD)
        user.email = email
        user.save()
    return user
