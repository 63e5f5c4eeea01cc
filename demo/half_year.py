"""The Balkhash ЦБС's first half of 2021, loaded from the seed report as real rows.

`demo_half_year_load(org)` is called by `load_demo` after
`demo.organization.demo_organization_load` has created the organization, its
libraries and periods. The rows themselves live in `demo/data/`.

Where the rows go. The seed is a report of the whole ЦБС: where it gives only
an organization-wide figure, that figure is loaded once, as an
organization-level row (budget, digitization plan) or as a row of the central
library ЦГБ (code "cgb"), which does the ЦБС's central acquisition, keeps its
fund ledger and electronic catalogue, digitizes and counts the online work. It
is never split between libraries by invention:
- holdings: the opening fund 283120/87831 at 01.01.2021, receipts 1405/627
  (local budget) and 630/566 (state order), the write-off 11837/956 (wear);
- catalogue: record counts at 01.01.2021 and 01.07.2021, 48 virtual references;
- digitization: the 207 articles as one batch row, the six books one by one;
- media: the listed mentions as rows, the rest as one MediaMentionTotal;
- events: OnlineFigures with platform NULL (183 / 25192 / 164785 / 2128).
The report of H1 2021 is created as a draft with the seed's narrative texts.
Publications and events carry the library the seed names (ф№4, ЦГДБ...); an
event the seed gives to «ЦБС» or to no library is ЦГБ's.

Dates. Where the seed gives a day (10 March, 23 April, 15 May, 31 May, 7 June...)
or the occasion fixes it (Day of thanks 1 March, Nauryz 22 March, Victory Day
9 May, Children's Day 1 June...), the row has that day; the Day of the city is
taken as 16 March. Everything else carries a plausible day inside H1 2021; the
lists the seed numbers (publications, trailers, live broadcasts) keep its order
when printed by date. Each data module says which of its dates are invented.

Idempotent: every row is looked up by its natural key (see each `_upsert` call)
and saved only when it is new or differs, after `full_clean()`, so the demo
passes the same validation as a form and a second run changes nothing (not
even the history tables).
"""

from django.db import transaction
from django.db.models import Model

from branches.facts import periods_memoized
from branches.models import Library, Organization, Platform, ReportingPeriod, SocialPage
from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from demo.data import catalogue as catalogue_data
from demo.data import digitization as digitization_data
from demo.data import event_order
from demo.data import events as events_data
from demo.data import holdings as holdings_data
from demo.data import media as media_data
from demo.data import narrative as narrative_data
from demo.data import publications as publications_data
from demo.data import wordings as wordings_data
from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind
from events.glossary import glossary_rules, suggest
from events.models import Audience, Event, EventForm, Initiative, OnlineFigures, wholly_quoted
from holdings.models import (
    AcquisitionBudget,
    FundingSource,
    FundSnapshot,
    Receipt,
    WriteOff,
    WriteOffReason,
)
from publications.models import MediaMention, MediaMentionTotal, Publication, PublicationKind
from reports.models import Report, SectionText, Untranslated

YEAR, HALF = 2021, 1


def _upsert(model: type[Model], key: dict, values: dict, m2m: dict | None = None) -> Model:
    """Create or update the row found by `key`; validate and save only if it changed."""
    obj = model.objects.filter(**key).first()
    if obj is None:
        obj = model(**key, **values)
        changed = True
    else:
        changed = any(getattr(obj, name) != value for name, value in values.items())
        for name, value in values.items():
            setattr(obj, name, value)
    if changed:
        obj.full_clean()
        obj.save()
    for name, items in (m2m or {}).items():
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != {item.pk for item in items}:
            manager.set(items)
    return obj


class _Lists:
    """Pick-list rows by code, fetched once per model."""

    def __init__(self):
        self._cache = {}

    def __call__(self, model, code):
        if model not in self._cache:
            self._cache[model] = {row.code: row for row in model.objects.all()}
        return self._cache[model][code]


@transaction.atomic
def demo_half_year_load(org: Organization) -> None:
    period = ReportingPeriod.objects.get(organization=org, year=YEAR, half=HALF)
    libraries = {lib.code: lib for lib in Library.objects.filter(organization=org)}
    lists = _Lists()
    # Each row's save asks for its half-year's period: read once for the whole load,
    # as an import does (the periods exist and no status changes during it).
    with periods_memoized():
        demo_holdings_load(org, period, libraries, lists)
        demo_catalogue_load(period, libraries, lists)
        demo_digitization_load(org, period, libraries, lists)
        demo_publications_load(libraries, lists)
        demo_media_load(period, libraries)
        demo_events_load(org, period, libraries, lists)
        demo_narrative_load(org, period)


def demo_holdings_load(org, period, libraries, lists) -> None:
    data = holdings_data
    library = libraries[data.LIBRARY]
    for source, amount in data.BUDGETS:
        _upsert(
            AcquisitionBudget,
            {"organization": org, "period": period, "source": lists(FundingSource, source)},
            {"amount": amount},
        )
    opening = data.OPENING
    _upsert(
        FundSnapshot,
        {"library": library, "date": opening["date"]},
        {
            "kind": FundSnapshot.Kind.OPENING,
            "copies": opening["copies"],
            "copies_kk": opening["copies_kk"],
            "note": "Начальный остаток ЦБС (ведётся ЦГБ)",
        },
    )
    for row in data.RECEIPTS:
        _upsert(
            Receipt,
            {
                "library": library,
                "source": lists(FundingSource, row["source"]),
                "date": row["date"],
            },
            {"copies": row["copies"], "copies_kk": row["copies_kk"], "note": row["note"]},
        )
    for row in data.WRITE_OFFS:
        _upsert(
            WriteOff,
            {
                "library": library,
                "reason": lists(WriteOffReason, row["reason"]),
                "date": row["date"],
            },
            {"copies": row["copies"], "copies_kk": row["copies_kk"], "note": row["note"]},
        )


def demo_catalogue_load(period, libraries, lists) -> None:
    data = catalogue_data
    library = libraries[data.LIBRARY]
    for code, before, now in data.RECORD_COUNTS:
        database = lists(CatalogueDatabase, code)
        for day, records in ((data.BEFORE, before), (data.NOW, now)):
            _upsert(
                RecordCount,
                {"library": library, "database": database, "date": day},
                {"records": records},
            )
    _upsert(
        VirtualReferences,
        {"library": library, "period": period},
        {"count": data.VIRTUAL_REFERENCES},
    )


def demo_digitization_load(org, period, libraries, lists) -> None:
    data = digitization_data
    library = libraries[data.LIBRARY]
    for kind, planned in data.PLAN:
        _upsert(
            DigitizationPlan,
            {"organization": org, "period": period, "kind": lists(DocumentKind, kind)},
            {"planned": planned},
        )
    batch = data.ARTICLES_BATCH
    _upsert(
        DigitizedDocument,
        {"library": library, "kind": lists(DocumentKind, batch["kind"]), "title": batch["title"]},
        {
            "source": batch["source"],
            "documents": batch["documents"],
            "pages": batch["pages"],
            "date": batch["date"],
        },
    )
    books = lists(DocumentKind, "books")
    for title, place, publisher, year, pages, day in data.BOOKS:
        _upsert(
            DigitizedDocument,
            {"library": library, "kind": books, "title": title},
            {
                "author": data.BOOK_AUTHOR,
                "author_short": data.BOOK_AUTHOR_SHORT,
                "language": data.BOOK_LANGUAGE,
                "place": place,
                "publisher": publisher,
                "year": year,
                "documents": 1,
                "pages": pages,
                "date": day,
            },
        )


def demo_publications_load(libraries, lists) -> None:
    data = publications_data
    for kind, title, quoted, pages, day, _seed in data.PUBLICATIONS:
        _upsert(
            Publication,
            {"library": libraries[data.PRINT_LIBRARY], "kind": lists(PublicationKind, kind),
             "title": title, "annotation": ""},
            {"quoted": quoted, "issuer": "", "compilers": data.PRINT_COMPILERS, "place": "Балқаш",
             "year": YEAR, "pages": pages, "illustrated": True, "date": day},
        )  # fmt: skip
    for kind, title, quoted, annotation, issuer, compilers, size, day, _seed in data.MULTIMEDIA:
        _upsert(
            Publication,
            {"library": libraries[data.MULTIMEDIA_LIBRARY], "kind": lists(PublicationKind, kind),
             "title": title, "annotation": annotation},
            {"quoted": quoted, "issuer": issuer, "compilers": compilers, "place": "Балқаш",
             "year": YEAR, "size_mb": size, "date": day},
        )  # fmt: skip


def demo_media_load(period, libraries) -> None:
    data = media_data
    library = libraries[data.LIBRARY]
    for url, day in data.TV_STORIES:
        _upsert(
            MediaMention,
            {"library": library, "kind": MediaMention.Kind.TV, "url": url},
            {"title": data.TV_TITLE, "date": day},
        )
    for author, author_short, title, outlet, issue, page, language, _seed in data.PRINT:
        _upsert(
            MediaMention,
            {"library": library, "kind": MediaMention.Kind.PRINT, "title": title},
            {"author": author, "author_short": author_short, "outlet": outlet,
             "issue_number": issue, "page": page, "language": language, "date": data.PRINT_DATE},
        )  # fmt: skip
    rows = len(data.TV_STORIES) + len(data.PRINT)
    _upsert(
        MediaMentionTotal,
        {"library": library, "period": period},
        {
            "mentions": data.TOTAL_MENTIONS - rows,
            "by_librarians": data.TOTAL_BY_LIBRARIANS,
            "tv_stories": data.TOTAL_TV - len(data.TV_STORIES),
        },
    )


def demo_events_load(org, period, libraries, lists) -> None:
    data = events_data
    _upsert(
        OnlineFigures,
        {"library": libraries[data.ONLINE_LIBRARY], "period": period, "platform": None},
        dict(data.ONLINE_FIGURES),
    )
    for library_code, platform, url in data.SOCIAL_PAGES:
        _upsert(
            SocialPage,
            {"organization": org, "url": url},
            {
                "library": libraries[library_code] if library_code else None,
                "platform": lists(Platform, platform),
            },
        )
    for library_code, title in data.MOVED:
        Event.objects.filter(library=libraries[library_code], title=title).delete()
    positions = {key: (index + 1) * 10 for index, key in enumerate(event_order.ORDER)}
    rules = glossary_rules()
    seen = set()
    for event in data.EVENTS:
        key = (event.library, event.title, event.date)
        if key in seen:  # a slip in the data module, not something to load twice
            raise ValueError(f"Событие внесено дважды: {key}")
        seen.add(key)
        _upsert(
            Event,
            {"library": libraries[event.library], "title": event.title, "date": event.date},
            {
                "form": lists(EventForm, event.form),
                "is_online": event.online,
                "highlight": event.highlight,
                "dedication": event.dedication,
                "guests": event.guests,
                "audience": event.audience,
                "note": event.note,
                "note_in_report": event.note_in_report,
                "series": event.series,
                "series_kind": event.series_kind,
                "position": positions.get((event.library, event.title)),
                **_demo_kazakh_texts(event, rules),
                "wording_ru": wordings_data.wording_of(event.library, event.title),
                "whole_system": (event.library, event.title) in wordings_data.WHOLE_SYSTEM,
            },
            m2m={
                "platforms": [lists(Platform, code) for code in event.platforms],
                "initiatives": [lists(Initiative, code) for code in event.initiatives],
                "audiences": [lists(Audience, code) for code in event.audiences],
            },
        )


def _demo_kazakh_texts(event, rules) -> dict[str, str]:
    """The Kazakh version of each of the event's texts that the glossary's suggestion
    covers whole (issue 25): the demo shows events printed in Kazakh and, where some
    phrase is not in the glossary, events printed wholly as entered."""
    texts = {}
    for name in ("title", "series", "dedication", "audience", "guests", "note"):
        russian = getattr(event, name)
        if not russian or (name in ("title", "series") and wholly_quoted(russian)):
            continue
        suggestion = suggest(russian, rules)
        texts[f"{name}_kk"] = suggestion.text if suggestion.complete else ""
    return texts


def demo_narrative_load(org, period) -> None:
    """The report of H1 2021 (a draft) with the seed's narrative paragraphs per section.

    A report someone has since submitted or approved keeps its texts.
    """
    # The seed has no Kazakh text: until the methodologist writes it, the Kazakh
    # report leaves the narrative out and its notes list each untranslated section.
    report = _upsert(
        Report, {"period": period}, {"organization": org, "untranslated": Untranslated.LISTED}
    )
    if report.status != Report.Status.DRAFT:
        return
    after = narrative_data.SECTION_TEXTS_AFTER
    for section in {**narrative_data.SECTION_TEXTS, **after}:
        _upsert(
            SectionText,
            {"report": report, "section": section},
            {
                "text_ru": "\n\n".join(narrative_data.SECTION_TEXTS.get(section, ())),
                "text_after_ru": "\n\n".join(after.get(section, ())),
            },
        )
