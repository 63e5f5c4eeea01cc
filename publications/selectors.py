"""Reads of the libraries' publications and media mentions for the report and the dashboard."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from publications.models import MediaMention, MediaMentionTotal, Publication


@dataclass
class Publications:
    printed: list[Publication]  # booklets, podiums...: the numbered list
    multimedia: list[Publication]  # book trailers, videos, virtual exhibitions

    @property
    def libraries(self) -> set[int]:
        return {p.library_id for p in self.printed + self.multimedia}


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


def publication_counts(
    *, library_ids: list[int], start: datetime.date, end: datetime.date
) -> tuple[int, int]:
    """(printed, multimedia) publications in the span. One query."""
    counts = Publication.objects.filter(
        library__in=library_ids, date__gte=start, date__lte=end
    ).aggregate(
        printed=Count("pk", filter=Q(kind__is_multimedia=False)),
        multimedia=Count("pk", filter=Q(kind__is_multimedia=True)),
    )
    return counts["printed"], counts["multimedia"]


@dataclass
class Media:
    mentions: int = 0
    by_librarians: int = 0
    tv: int = 0
    tv_stories: list[MediaMention] = field(default_factory=list)  # listed as "Видео-сюжеты"
    references: list[MediaMention] = field(default_factory=list)  # the numbered list
    libraries: set[int] = field(default_factory=set)


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
    totals = MediaMentionTotal.objects.filter(library__in=library_ids, period__in=period_ids)
    sums = {"m": 0, "b": 0, "t": 0}
    libraries = {m.library_id for m in listed}
    for row in totals.values("library").annotate(
        m=Sum("mentions"), b=Sum("by_librarians"), t=Sum("tv_stories")
    ):
        libraries.add(row["library"])
        for key in sums:
            sums[key] += row[key] or 0
    tv = [m for m in listed if m.kind == MediaMention.Kind.TV]
    return Media(
        mentions=len(listed) + sums["m"],
        by_librarians=sum(1 for m in listed if m.by_librarian) + sums["b"],
        tv=len(tv) + sums["t"],
        tv_stories=tv,
        references=[m for m in listed if m.kind != MediaMention.Kind.TV],
        libraries=libraries,
    )
