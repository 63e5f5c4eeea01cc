"""The figures of the seed's README, computed from the demo rows with plain ORM aggregates."""

import datetime
from decimal import Decimal

from django.db.models import Sum

from catalogue.models import RecordCount, VirtualReferences
from digitization.models import DigitizationPlan, DigitizedDocument
from holdings.models import AcquisitionBudget, Receipt, WriteOff
from holdings.selectors import Copies, period_fund_movement
from publications.models import MediaMention, MediaMentionTotal, Publication


def test_the_budget_is_2770_4_thousand_tenge_from_the_local_budget(demo_period):
    rows = AcquisitionBudget.objects.filter(period=demo_period)
    assert list(rows.values_list("source__code", "amount")) == [("local-budget", Decimal("2770.4"))]


def test_receipts_per_source_and_write_offs_for_wear(demo_period):
    def per(model, field):
        rows = (
            model.objects.filter(date__range=(demo_period.start, demo_period.end))
            .values(field)
            .annotate(c=Sum("copies"), k=Sum("copies_kk"))
        )
        return {r[field]: (r["c"], r["k"]) for r in rows}

    assert per(Receipt, "source__code") == {"local-budget": (1405, 627), "state-order": (630, 566)}
    assert per(WriteOff, "reason__code") == {"wear": (11837, 956)}


def test_the_fund_table_is_the_seeds(demo_period):
    total = period_fund_movement(demo_period).total
    assert total.start == Copies(283120, 87831)
    assert total.received == Copies(2035, 1193)
    assert total.written_off == Copies(11837, 956)
    assert total.end == Copies(273318, 88068)
    assert total.discrepancy is None


def test_digitization_plan_and_done_per_kind(demo_period):
    plan = dict(
        DigitizationPlan.objects.filter(period=demo_period).values_list("kind__code", "planned")
    )
    done = {
        r["kind__code"]: (r["d"], r["p"])
        for r in DigitizedDocument.objects.filter(date__range=(demo_period.start, demo_period.end))
        .values("kind__code")
        .annotate(d=Sum("documents"), p=Sum("pages"))
    }
    assert plan == {"articles": 194, "books": 6}
    assert sum(plan.values()) == 200
    assert done == {"articles": (207, 158), "books": (6, 2010)}
    assert sum(d for d, _p in done.values()) == 213
    assert sum(p for _d, p in done.values()) == 2168


def test_the_six_books_have_the_seeds_pages(demo):
    pages = DigitizedDocument.objects.filter(kind__code="books").order_by("date")
    assert [b.pages for b in pages] == [340, 401, 383, 330, 216, 340]


def test_every_row_of_the_catalogue_table(demo_period):
    def at(day):
        return dict(
            RecordCount.objects.filter(date=day)
            .values("database__code")
            .annotate(s=Sum("records"))
            .values_list("database__code", "s")
        )

    before, now = at(datetime.date(2021, 1, 1)), at(datetime.date(2021, 7, 1))
    assert before == {
        "book": 18296, "articles": 17014, "local-history": 14550, "periodicals": 264,
        "ecology": 1781, "sd": 73, "professional": 3732, "rare": 143, "e-book": 243,
        "e-article": 425,
    }  # fmt: skip
    assert now == {
        "book": 18620, "articles": 17534, "local-history": 14655, "periodicals": 264,
        "ecology": 1831, "sd": 73, "professional": 3759, "rare": 143, "e-book": 243,
        "e-article": 430,
    }  # fmt: skip
    assert (sum(before.values()), sum(now.values())) == (56521, 57552)


def test_48_virtual_references(demo_period):
    total = VirtualReferences.objects.filter(period=demo_period).aggregate(s=Sum("count"))["s"]
    assert total == 48


def test_9_publications_and_23_book_trailers(demo_period):
    in_span = Publication.objects.filter(date__range=(demo_period.start, demo_period.end))
    assert in_span.filter(kind__is_multimedia=False).count() == 9
    assert in_span.filter(kind__is_multimedia=True).count() == 23


def test_media_18_mentions_3_by_librarians_2_tv(demo_period):
    rows = MediaMention.objects.filter(date__range=(demo_period.start, demo_period.end))
    totals = MediaMentionTotal.objects.filter(period=demo_period).aggregate(
        m=Sum("mentions"), b=Sum("by_librarians"), t=Sum("tv_stories")
    )
    assert rows.count() + totals["m"] == 18
    assert rows.filter(by_librarian=True).count() + totals["b"] == 3
    assert rows.filter(kind="tv").count() + totals["t"] == 2


def test_online_totals_183_25192_164785_2128(demo_period):
    from events.models import OnlineFigures

    rows = OnlineFigures.objects.filter(period=demo_period, platform__isnull=True)
    totals = rows.aggregate(
        e=Sum("online_events"), s=Sum("subscribers"), v=Sum("views"), p=Sum("posts")
    )
    assert totals == {"e": 183, "s": 25192, "v": 164785, "p": 2128}
