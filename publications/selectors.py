"""Reads of the libraries' publications and media mentions for the report and the dashboard."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from publications.models import MediaMention, MediaMentionTotal, Publication


@dataclass
class Publications:
    printed: list[Publication]  # booklets, podiums...: the numbered list
    multimedia: list[Publication]  # book trailers, videos, virtual exhibitions


def publications_in(
    *, library_ids: list[int], start: datetime.date, end: datetime.date
) -> Publications:
    """The publications dated in the span, in date order, split by kind. One query."""
    rows = list(
        Publication.objects.filter(library__in=library_ids, date__gte=start, date__lte=end)
        .select_related("kind", "library")
        .order_by("date", "pk")
    )
    return Publications(
        printed=[p for p in rows if not p.kind.is_multimedia],
        multimedia=[p for p in rows if p.kind.is_multimedia],
    )


@dataclass(frozen=True)
class PublicationCount:
    printed: int = 0
    multimedia: int = 0


def publication_counts(
    *, library_ids: list[int], start: datetime.date, end: datetime.date
) -> dict[int, PublicationCount]:
    """{library id: its (printed, multimedia) publications in the span}. One query."""
    rows = (
        Publication.objects.filter(library__in=library_ids, date__gte=start, date__lte=end)
        .values("library")
        .annotate(
            printed=Count("pk", filter=Q(kind__is_multimedia=False)),
            multimedia=Count("pk", filter=Q(kind__is_multimedia=True)),
        )
        .order_by()
    )
    return {r["library"]: PublicationCount(r["printed"], r["multimedia"]) for r in rows}


@dataclass(frozen=True)
class MediaCount:
    """Mentions of one library: listed one by one plus its period totals."""

    mentions: int = 0
    by_librarians: int = 0
    tv: int = 0

    def __add__(self, other: "MediaCount") -> "MediaCount":
        return MediaCount(
            self.mentions + other.mentions,
            self.by_librarians + other.by_librarians,
            self.tv + other.tv,
        )


@dataclass
class Media:
    tv_stories: list[MediaMention] = field(default_factory=list)  # listed as "Видео-сюжеты"
    references: list[MediaMention] = field(default_factory=list)  # the numbered list
    by_library: dict[int, MediaCount] = field(default_factory=dict)

    @property
    def total(self) -> MediaCount:
        return sum(self.by_library.values(), MediaCount())

    @property
    def mentions(self) -> int:
        return self.total.mentions

    @property
    def by_librarians(self) -> int:
        return self.total.by_librarians

    @property
    def tv(self) -> int:
        return self.total.tv


def media_summary(
    *,
    library_ids: list[int],
    period_ids: list[int],
    start: datetime.date,
    end: datetime.date,
) -> Media:
    """Mentions in the media: listed rows in the span plus the period totals. Two queries."""
    listed = list(
        MediaMention.objects.filter(
            library__in=library_ids, date__gte=start, date__lte=end
        ).order_by("date", "pk")
    )
    by_library: dict[int, MediaCount] = {}
    for m in listed:
        one = MediaCount(1, int(m.by_librarian), int(m.kind == MediaMention.Kind.TV))
        by_library[m.library_id] = by_library.get(m.library_id, MediaCount()) + one
    totals = MediaMentionTotal.objects.filter(library__in=library_ids, period__in=period_ids)
    for row in totals.values("library").annotate(
        m=Sum("mentions"), b=Sum("by_librarians"), t=Sum("tv_stories")
    ):
        total = MediaCount(row["m"] or 0, row["b"] or 0, row["t"] or 0)
        by_library[row["library"]] = by_library.get(row["library"], MediaCount()) + total
    return Media(
        tv_stories=[m for m in listed if m.kind == MediaMention.Kind.TV],
        references=[m for m in listed if m.kind != MediaMention.Kind.TV],
        by_library=by_library,
    )
