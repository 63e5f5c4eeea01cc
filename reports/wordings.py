"""The printed items of a report's half-year beside their wordings: what the report's
page shows so the methodologist can word an item in place (branches.wording).

Read here, not in the builder: the page lists every item once, with the line the
report composes from its fields, whatever groups it prints in.
"""

from dataclasses import dataclass

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from branches.calendar import span_for_period
from events.event_text import EventPhrases
from events.models import Event
from publications.models import MediaMention, Publication

# kind in the page's form -> (model, its label on the page)
WORDED_KINDS: dict[str, tuple[type[Model], str]] = {
    "event": (Event, _("мероприятие")),
    "publication": (Publication, _("издание")),
    "media": (MediaMention, _("публикация в СМИ")),
}


@dataclass(frozen=True)
class WordedItem:
    kind: str
    kind_label: str
    pk: int
    date: object
    library: str
    composed: str
    wording_ru: str
    wording_kk: str

    @property
    def anchor(self) -> str:
        """The item's id on the page: «event-12»."""
        return f"{self.kind}-{self.pk}"


def worded_queryset(kind: str, *, period):
    """The rows of `kind` the report of `period` prints: its organization's, in its dates."""
    model = WORDED_KINDS[kind][0]
    span = span_for_period(period)
    return model.objects.filter(
        library__organization=period.organization_id, date__gte=span.start, date__lte=span.end
    )


def worded_items(*, period, language: str) -> list[WordedItem]:
    """Every printed item of the half-year: one query per kind (events, publications,
    media mentions), each with what its composed line needs joined in."""
    phrases = EventPhrases(language)
    joins = {"event": ("library",), "publication": ("library", "kind"), "media": ("library",)}
    composed = {
        "event": phrases.composed,
        "publication": lambda row: row.description(),
        "media": lambda row: row.composed_line(language),
    }
    items = []
    for kind, (_model, label) in WORDED_KINDS.items():
        rows = worded_queryset(kind, period=period).select_related(*joins[kind])
        for row in rows.order_by("date", "pk"):
            items.append(
                WordedItem(
                    kind=kind,
                    kind_label=str(label),
                    pk=row.pk,
                    date=row.date,
                    library=row.library.abbreviation(language),
                    composed=composed[kind](row),
                    wording_ru=row.wording_ru,
                    wording_kk=row.wording_kk,
                )
            )
    return items
