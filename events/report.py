"""The report's parts from events: section IV «Массовая работа» (events/mass_work.py), the
events per group («Информационно-библиотечная поддержка значимых мероприятий») and the
online work's totals that close that chapter, and the list of every event of the span."""

from dataclasses import dataclass
from functools import cached_property

from django.utils import translation
from django.utils.translation import gettext as _

from branches.models import Library
from events.event_text import EventPhrases, anchored_paragraphs
from events.mass_work import direction_blocks, mass_work_blocks
from events.models import Event
from events.selectors import ONLINE_WORK_EVENTS_LABEL, event_groups, events_in, social_pages
from reportkit import sections as S
from reportkit.data import Figure, ItemList, Paragraph, Section
from reportkit.parts import Part, ReportContext
from reportkit.text import count_noun


@dataclass
class EventsRead:
    events: list[Event]
    pages: dict  # {library id, or None for the ЦБС's common pages: its social pages}

    @cached_property
    def by_date(self) -> list[Event]:
        """The events by date (the lists of every event), sorted once."""
        return sorted(self.events, key=lambda event: (event.date, event.id))


def events_read(context: ReportContext) -> EventsRead:
    """Four queries: the events with their initiatives and platforms, the social pages."""
    return EventsRead(
        events=events_in(
            library_ids=context.library_ids,
            start=context.span.start,
            end=context.span.end,
            libraries=context.libraries,
        ),
        pages=social_pages(organization=context.organization, library_ids=context.library_ids),
    )


def events_sections(context: ReportContext, read: EventsRead) -> list[Section]:
    groups = event_groups(read.events)
    result = [context.section(S.EVENTS)]
    for definition in S.SECTIONS:
        if definition.level != 2 or definition.code not in S.EVENT_GROUPS:
            continue
        section = context.section(definition.code)
        events = groups.get(definition.code, [])
        anchored, section.narrative = anchored_paragraphs(section.narrative, events)
        if definition.code == S.LITERARY:
            section.blocks += _literary(context, read, events)
        elif events:
            phrases = EventPhrases(context.language)
            section.blocks.append(
                ItemList(
                    "",
                    phrases.items(events, anchored),
                    numbered=definition.code == S.LIVE,
                )
            )
        result.append(section)
    return result


def _literary(context: ReportContext, read: EventsRead, events) -> list:
    """Per library, with its pages; the central library's rows are the ЦБС's common pages."""
    by_library: dict[int, list] = {}
    for event in events:
        by_library.setdefault(event.library_id, []).append(event)
    items = []
    for library in context.libraries:
        if library.pk not in by_library:
            continue
        library_events = by_library[library.pk]
        # One item per library: in Kazakh only when each of its events is, else wholly
        # as entered, its head in Russian too.
        lang = context.language
        if any(event.text_language(lang) != lang for event in library_events):
            lang = "ru"
        with translation.override(lang):
            if library.kind == Library.Kind.CENTRAL:
                who = _("На общих страницах ЦБС")
                pages = read.pages.get(None, [])
            else:
                who = library.name(lang)
                pages = read.pages.get(library.pk, [])
        urls = ", ".join(page.url for page in pages)
        head = f"{who} {urls}".strip()
        listed = ", ".join(EventPhrases(lang, with_library=False).items(library_events, {}))
        items.append(f"{head}: {listed}")
    return [ItemList("", items)] if items else []


def event_rows(context: ReportContext, read: EventsRead) -> list[list]:
    """Every event of the span, one row each, by date (the XLSX's list of events)."""
    # Names made once per library, form and set of links, not once per event.
    abbreviations = {
        library.pk: library.abbreviation(context.language) for library in context.libraries
    }
    names: dict[tuple, str] = {}

    def joined(event, name: str, lang: str) -> str:
        items = event.linked(name)
        key = (name, lang, *(item.id for item in items))
        if key not in names:
            names[key] = ", ".join(item.name_in(lang) for item in items)
        return names[key]

    forms: dict[tuple, str] = {}
    not_counted = _("не указано")
    rows = []
    for event in read.by_date:
        # The row's words follow the event's language: a Russian event's form is Russian.
        lang = event.text_language(context.language)
        title = (event.text("title", lang), event.text("dedication", lang))
        library = abbreviations.get(event.library_id)
        if library is None:
            library = abbreviations[event.library_id] = event.library.abbreviation(context.language)
        form = forms.get((event.form_id, lang))
        if form is None:
            form = forms[event.form_id, lang] = event.form.name_in(lang)
        rows.append(
            [
                event.date.isoformat(),
                library,
                form,
                " ".join(part for part in title if part),
                joined(event, "platforms", lang),
                joined(event, "initiatives", lang),
                # Never counted is not none: the list says so rather than leave a 0 or a blank.
                not_counted if event.participants is None else event.participants,
                event.views,
                event.url,
            ]
        )
    return rows


def untranslated_events(context: ReportContext, read: EventsRead) -> list[list]:
    """The span's events the Kazakh report prints as entered, for want of a Kazakh version
    of some text: [label, pk, «01.03.2021 ЦГБ: челлендж «…»»]."""
    label = Event._meta.label_lower
    return [
        [label, event.pk, f"{event.date:%d.%m.%Y} {event.library.short_name}: {event.title}"]
        for event in read.by_date
        if event.kazakh_missing()
    ]


def totals_blocks(context: ReportContext, _read=None) -> list:
    o = context.figures.online
    parts = {
        "events": count_noun(
            o.online_events, _("онлайн-мероприятие|онлайн-мероприятия|онлайн-мероприятий")
        ),
        "subscribers": count_noun(o.subscribers, _("подписчик|подписчика|подписчиков")),
        "views": count_noun(o.views, _("просмотр|просмотра|просмотров")),
        "posts": count_noun(o.posts, _("публикация|публикации|публикаций")),
    }
    return [
        Paragraph(
            _(
                "Всего было проведено %(events)s, зафиксировано %(subscribers)s, "
                "%(views)s, %(posts)s."
            )
            % parts,
            figures=[
                # The online-work tally, named as on the dashboard (events.selectors).
                Figure(str(ONLINE_WORK_EVENTS_LABEL), o.online_events),
                Figure(_("Подписчиков"), o.subscribers),
                Figure(_("Просмотров"), o.views),
                Figure(_("Публикаций"), o.posts),
            ],
        )
    ]


_GROUPS = tuple(d.code for d in S.SECTIONS if d.level == 2 and d.code in S.EVENT_GROUPS)

PARTS = (
    Part(sections=(S.MASS_WORK,), build=mass_work_blocks),
    Part(
        sections=(S.EVENTS, *_GROUPS),
        read=events_read,
        build=events_sections,
        event_rows=event_rows,
        untranslated=untranslated_events,
    ),
    Part(sections=(S.TOTALS,), build=totals_blocks),
    # The annual report: mass work by direction, after the clubs' table (services).
    Part(sections=(S.CLUBS,), build=direction_blocks, adds=True),
)
