"""The Kazakh form of an event's Russian text, composed from the glossary (issue 25, item 3).

A text is read from left to right: a «quoted name» stays as it is, a glossary phrase or
an event form's name (longest first, case aside) gives its Kazakh form, a pattern with
{n} and {name} («к {n}-летию {name}») gives its Kazakh with the number and the name in
the Kazakh genitive («Ж.Жабаевтың»). What none of them covers stays Russian and makes the
suggestion partial: the librarian sees it, accepts or edits it; nothing is filled in
silently.
"""

import re
from dataclasses import dataclass, field

from events.models import EventForm, GlossaryEntry

UPPER = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"
# «Ж.Жабаева», «М.Жумабаева», «Абая»: initials, then a name in the genitive.
NAME = rf"(?:[{UPPER}]\.\s?){{0,2}}[{UPPER}][\w-]+"
BACK_VOWELS, FRONT_VOWELS = "аоұыуяё", "әеөүіиэю"
VOICELESS = "кқпстфхшщцчбвгд"  # and the voiced stops, unvoiced at a word's end
VOWELS = BACK_VOWELS + FRONT_VOWELS


def kazakh_genitive(name: str) -> str:
    """«Ж.Жабаева» (Russian genitive) → «Ж.Жабаевтың»; «Абая» → «Абайдың»."""
    match = re.match(rf"((?:[{UPPER}]\.\s?)*)(.+)", name)
    initials, stem = match[1], match[2]
    if re.search(r"(ов|ев|ёв|ин|ын)а$", stem):
        stem = stem[:-1]
    elif re.search(r"(ов|ев|ин)ой$", stem):
        stem = stem[:-2] + "а"
    elif stem.endswith("я"):
        stem = stem[:-1] + "й"
    vowels = [c for c in stem.lower() if c in VOWELS]
    # A Russian-style surname's «-ев» keeps the harmony of its Kazakh stem (Жабаев-тың).
    last = vowels[-2] if stem.lower().endswith("ев") and len(vowels) > 1 else vowels[-1:]
    back = not last or last[0] in BACK_VOWELS
    end = stem[-1].lower()
    if end in VOWELS or end in "мнң":
        suffix = "ның" if back else "нің"
    elif end in VOICELESS:
        suffix = "тың" if back else "тің"
    else:
        suffix = "дың" if back else "дің"
    return f"{initials}{stem}{suffix}"


@dataclass
class Suggestion:
    text: str
    complete: bool
    unknown: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"text": self.text, "complete": self.complete, "unknown": self.unknown}


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    kazakh: str


def _compile(russian: str, kazakh: str) -> _Rule:
    source = re.escape(russian.strip())
    source = source.replace(r"\{n\}", r"(?P<n>\d+)").replace(r"\{name\}", f"(?P<name>{NAME})")
    return _Rule(re.compile(rf"{source}(?![\w-])", re.IGNORECASE), kazakh.strip())


def glossary_rules() -> list[_Rule]:
    """The active glossary's phrases and the event forms' names, longest first."""
    pairs = list(
        GlossaryEntry.objects.filter(is_active=True)
        .exclude(name_kk="")
        .values_list("name_ru", "name_kk")
    )
    for ru, kk in (
        EventForm.objects.filter(is_active=True)
        .exclude(name_kk="")
        .values_list("name_ru", "name_kk")
    ):
        pairs.append((ru, kk[:1].lower() + kk[1:]))
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return [_compile(ru, kk) for ru, kk in pairs]


def _quoted_end(text: str, start: int) -> int:
    """The index after the «name» opening at `start` (nested quotes included), or -1."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"«": 1, "»": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
    return -1


def suggest(text: str, rules: list[_Rule] | None = None) -> Suggestion:
    """The Kazakh form of `text` as far as the glossary knows it."""
    rules = glossary_rules() if rules is None else rules
    parts: list[str] = []
    unknown: list[str] = []
    position, text = 0, text.strip()
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if char in ",;:.":
            parts[-1:] = [(parts[-1] if parts else "") + char]
            position += 1
            continue
        if char in "–—-" and text[position + 1 : position + 2] in ("", " "):
            parts.append(char)
            position += 1
            continue
        if char == "«":
            end = _quoted_end(text, position)
            if end > 0:
                parts.append(text[position:end])
                position = end
                continue
        for rule in rules:
            match = rule.pattern.match(text, position)
            if match:
                kazakh = rule.kazakh
                if "n" in rule.pattern.groupindex:
                    kazakh = kazakh.replace("{n}", match["n"])
                if "name" in rule.pattern.groupindex:
                    kazakh = kazakh.replace("{name}", kazakh_genitive(match["name"]))
                parts.append(kazakh)
                position = match.end()
                break
        else:
            word = re.match(r"\S+", text[position:])[0]
            parts.append(word)
            unknown.append(word)
            position += len(word)
    return Suggestion(" ".join(parts), complete=bool(parts) and not unknown, unknown=unknown)
