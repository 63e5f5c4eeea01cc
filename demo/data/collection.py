"""Illustrative figures of the fund's structure, subscriptions, users by group and the
outreach service (collection/) for the first half of 2021, every Balkhash library, and
with `load_demo --second-half` for the illustrative second half too (`half=2`: the fund at
31 December, the users of the year so far, as the work log counts them).

The seed report has none of them: they are invented to look like a city ЦБС's, each row's
note says so, and they agree with what the demo already holds — the structure's total and
its Kazakh copies are the fund ledger's at 1 July 2021, the users by group are the work
log's (all, children, youth), the outreach points' service goes to the libraries whose
network state has points — so the checks (collection/checks.py) find nothing and the
half-year report is unchanged. Deterministic: the shares are fixed per library.
"""

from branches.calendar import span_parse
from branches.models import Library, Organization, ReportingPeriod
from collection.models import (
    FundBranchCopies,
    FundStructure,
    KnowledgeBranch,
    OutreachService,
    Subscription,
    UserGroups,
)
from demo.organization import upsert
from figures.reader import figures_read

NOTE = "Иллюстративные данные демо, не из отчёта-образца"

# Per mille of the fund by kind of document (books, periodicals, electronic, audiovisual;
# the rest are other documents) and of the non-Kazakh copies in Russian.
KINDS = (880, 70, 15, 10)
RUSSIAN = 960
# Per mille of the fund by ББК group (the pick list's codes; «other» takes the rest):
# an adult library, and a children's one.
BRANCHES = {
    "adult": {"social-political": 120, "natural-sciences": 60, "technical": 50,
              "agricultural": 20, "arts-sports": 50, "fiction": 520, "children": 120},
    "children": {"social-political": 40, "natural-sciences": 80, "technical": 30,
                 "agricultural": 10, "arts-sports": 60, "fiction": 300, "children": 440},
}  # fmt: skip
CHILDREN = {"cgdb", "f5"}
# Per library: titles subscribed (of them in Kazakh), copies per title, tenge per copy.
SUBSCRIPTIONS = {
    "cgb": (64, 40, 2, 9800), "cgdb": (38, 26, 1, 7600), "f1": (18, 12, 1, 7200),
    "f2": (16, 11, 1, 7200), "f3": (15, 10, 1, 7200), "f4": (21, 14, 1, 7400),
    "f5": (17, 12, 1, 6900), "f6": (9, 7, 1, 7000), "f7": (14, 9, 1, 7200),
}  # fmt: skip
# Users by occupation are kept at the central library only.
OCCUPATION = {"cgb": (0.35, 0.40)}


def _part(total: int, per_mille: int) -> int:
    return total * per_mille // 1000


def demo_collection_load(org: Organization, half: int = 1) -> None:
    period = ReportingPeriod.objects.get(organization=org, year=2021, half=half)
    libraries = list(Library.objects.filter(organization=org, code__in=SUBSCRIPTIONS))
    reads = figures_read(
        organization=org,
        span=span_parse(org, f"2021-H{half}"),
        library_ids=[library.pk for library in libraries],
        libraries=libraries,
    )
    fund = {row.library.pk: row for row in reads.fund.rows}
    branches = {branch.code: branch for branch in KnowledgeBranch.objects.all()}
    for library in libraries:
        key = {"library": library, "period": period}
        row = fund[library.pk]
        if row.end_known:
            _fund_load(library, period, row.end.copies, row.end.copies_kk, branches)
        titles, titles_kk, per_title, price = SUBSCRIPTIONS[library.code]
        upsert(
            Subscription,
            {
                "titles": titles,
                "titles_kk": titles_kk,
                "copies": titles * per_title + titles // 4,
                "copies_kk": titles_kk * per_title,
                "amount": (titles * per_title + titles // 4) * price // 2,
                "note": NOTE,
            },
            **key,
        )
        users = reads.indicators.get(library.pk)
        if users is not None and users.users:
            _users_load(library, period, users)
        _outreach_load(library, period, users)


def _fund_load(library, period, total: int, kazakh: int, branches: dict) -> None:
    kinds = [_part(total, share) for share in KINDS]
    russian = _part(total - kazakh, RUSSIAN)
    upsert(
        FundStructure,
        {
            "total": total,
            "books": kinds[0],
            "periodicals": kinds[1],
            "electronic": kinds[2],
            "audiovisual": kinds[3],
            "other_media": total - sum(kinds),
            "kazakh": kazakh,
            "russian": russian,
            "other_languages": total - kazakh - russian,
            "note": NOTE,
        },
        library=library,
        period=period,
    )
    shares = BRANCHES["children" if library.code in CHILDREN else "adult"]
    copies = {code: _part(total, share) for code, share in shares.items()}
    copies["other"] = total - sum(copies.values())
    for code, count in copies.items():
        upsert(
            FundBranchCopies,
            {"copies": count, "note": NOTE},
            library=library,
            period=period,
            branch=branches[code],
        )


def _users_load(library, period, users) -> None:
    adults = users.users - users.users_children - users.users_youth
    students, employed = OCCUPATION.get(library.code, (None, None))
    upsert(
        UserGroups,
        {
            "total": users.users,
            "children": users.users_children,
            "youth": users.users_youth,
            "adults": adults,
            "pensioners": adults * 3 // 10,
            "disabled": users.users // 50,
            "students": int(users.users * students) if students else None,
            "employed": int(users.users * employed) if employed else None,
            "note": NOTE,
        },
        library=library,
        period=period,
    )


def _outreach_load(library, period, users) -> None:
    """Outreach points serve a share of the library's readers; every library's librarians
    go out a few times a half-year."""
    base = users.users if users is not None else 0
    points = base // 12
    trips = 4 + len(library.code) * 2
    upsert(
        OutreachService,
        {
            "points_users": points,
            "points_visits": points * 5,
            "points_loans": points * 11,
            "mobile_trips": trips,
            "mobile_users": trips * 9,
            "mobile_visits": trips * 14,
            "mobile_loans": trips * 30,
            "note": NOTE,
        },
        library=library,
        period=period,
    )
