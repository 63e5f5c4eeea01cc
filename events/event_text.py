"""How the report words its events and the narrative anchored to them.

An event prints as the seed writes it: «в рамках кружка «33 идеи» мастер-класс
«…» к 175-летию Ж.Жабаева для старшеклассников с поэтом К.Саденовым (ЦГБ)», then
its note when the librarian marked it for the report (participants, winners).
Alike events that stand together (same library, form, series and the same words
before the quoted title) print as one item: «тик-ток «A», «B», «C» (ЦГБ)».

A narrative paragraph whose first line is «@ part of an event's title» prints
right after that event in the section's list, not with the section's text.
"""

from reportkit.text import ANCHOR, paragraphs


def anchored_paragraphs(narrative: str, events) -> tuple[dict[int, list[str]], str]:
    """({event pk: its paragraphs}, the rest of the narrative).

    The first event whose title contains the anchor (case aside) takes the
    paragraph; an anchor that matches none leaves it with the section's text.
    """
    anchored: dict[int, list[str]] = {}
    rest = []
    for part in paragraphs(narrative):
        match = ANCHOR.match(part)
        if not match:
            rest.append(part)
            continue
        fragment, text = match["fragment"].strip().casefold(), match["text"].strip()
        event = next((e for e in events if fragment in f"{e.title}\n{e.title_kk}".casefold()), None)
        if event is None:
            rest.append(text)
        else:
            anchored.setdefault(event.pk, []).append(text)
    return anchored, "\n\n".join(rest)


def _title_prefix(title: str) -> str | None:
    """The words before the quoted name: «мастер-класс » of «мастер-класс «…»»; None
    for a title with no quoted name."""
    index = title.find("«")
    return title[:index] if index >= 0 else None


class EventPhrases:
    """The report's lines for events, in the report's `language`.

    In a Kazakh report an event prints in Kazakh when it has a Kazakh version of every
    text it prints (`Event.text_language`); one that has not prints wholly as entered,
    in Russian, its library's mark and series words included: never a Kazakh frame
    around a Russian phrase.
    """

    def __init__(self, language: str, with_library: bool = True):
        self.language = language
        self.with_library = with_library

    def _lang(self, event) -> str:
        return event.text_language(self.language)

    def _extras(self, event, lang: str) -> list[str]:
        return [event.text(name, lang) for name in ("dedication", "audience", "guests")]

    def _closing(self, text: str, event, paragraphs: list[str], lang: str) -> str:
        # An item of the ЦБС as a whole still has an owner library, but prints no mark.
        if self.with_library and not event.whole_system:
            text += f" ({event.library.abbreviation(lang)})"
        note = event.text("note", lang).strip() if event.note_in_report else ""
        return self._followed(text, ([note] if note else []) + paragraphs)

    @staticmethod
    def _followed(text: str, parts: list[str]) -> str:
        for part in parts:
            text = text.rstrip(" .;") + ". " + part
        return text

    def phrase(self, event, paragraphs: list[str] | None = None) -> str:
        """The methodologist's wording in this language when there is one (it replaces
        the whole composed line, mark and note included), else the composed line."""
        worded = event.wording_in(self.language)
        if worded:
            return self._followed(worded, paragraphs or [])
        return self.composed(event, paragraphs)

    def composed(self, event, paragraphs: list[str] | None = None) -> str:
        """The line made of the event's fields, as it prints without a wording."""
        lang = self._lang(event)
        parts = [event.series_phrase(lang), event.text("title", lang), *self._extras(event, lang)]
        text = " ".join(part.strip() for part in parts if part and part.strip())
        return self._closing(text, event, paragraphs or [], lang)

    def _alike(self, first, event, anchored) -> bool:
        lang = self._lang(first)
        prefix = _title_prefix(first.text("title", lang))
        return bool(
            prefix is not None
            and (prefix or first.series)
            and self._lang(event) == lang
            and _title_prefix(event.text("title", lang)) == prefix
            and event.library_id == first.library_id
            and event.form_id == first.form_id
            and (event.series_kind, event.series) == (first.series_kind, first.series)
            and event.text("series", lang) == first.text("series", lang)
            and event.text("dedication", lang) == first.text("dedication", lang)
            and event.whole_system == first.whole_system
            and not event.wording_in(self.language)
            and not (event.audience or event.guests or first.audience or first.guests)
            and not (event.note_in_report or first.note_in_report)
            and event.pk not in anchored
            and first.pk not in anchored
        )

    def items(self, events, anchored: dict[int, list[str]]) -> list[str]:
        """One item per event, alike neighbours merged into one. Events the
        methodologist gave one and the same wording («мастер-классы «A», «B»») print
        it once, where the first of them stands; each still counts by its fields."""
        runs: list[list] = []
        worded: set[str] = set()
        for event in events:
            wording = event.wording_in(self.language)
            if wording in worded:
                continue
            if wording:
                worded.add(wording)
            if runs and self._alike(runs[-1][0], event, anchored):
                runs[-1].append(event)
            else:
                runs.append([event])
        items = []
        for run in runs:
            first = run[0]
            if len(run) == 1 or first.wording_in(self.language):
                items.append(self.phrase(first, anchored.get(first.pk)))
                continue
            lang = self._lang(first)
            prefix = _title_prefix(first.text("title", lang))
            names = ", ".join(e.text("title", lang)[len(prefix) :].strip() for e in run)
            parts = [first.series_phrase(lang), prefix, names, first.text("dedication", lang)]
            text = " ".join(part.strip() for part in parts if part and part.strip())
            items.append(self._closing(text, first, [], lang))
        return items
