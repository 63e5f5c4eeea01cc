"""Small text helpers for the report: numbers and counted nouns as the seed writes them,
and the narrative's paragraphs."""

import re
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

# A narrative paragraph whose first line is «@ part of an event's title» prints right after
# that event in the section's list, not with the section's text (events' report part).
ANCHOR = re.compile(r"^@\s*(?P<fragment>[^\n]+)\n(?P<text>.+)$", re.DOTALL)


def number(value) -> str:
    """283120 -> "283120"; 2770.4 -> "2770,4": no thousands separator, decimal comma."""
    if value is None:
        return "—"
    if isinstance(value, float | Decimal):
        text = f"{Decimal(str(value)):.1f}"
        return text.replace(".", ",")
    return str(value)


def count_noun(count: int, forms: str) -> str:
    """`forms` is "one|few|many" (translated as a whole): 183 + "мероприятие|мероприятия|
    мероприятий" -> "183 мероприятия". Kazakh nouns do not change after a number."""
    one, few, many = (forms.split("|") + [forms] * 3)[:3]
    if (get_language() or "ru")[:2] != "ru":
        return f"{count} {one}"
    n = abs(count) % 100
    if 11 <= n <= 14:
        form = many
    elif n % 10 == 1:
        form = one
    elif 2 <= n % 10 <= 4:
        form = few
    else:
        form = many
    return f"{count} {form}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def inner_quotes(text: str) -> str:
    """A name put inside «…» by a sentence: its own «…» become „…“, so «Центр «Парасат
    жолы»» reads «Центр „Парасат жолы“» (three guillemets in a row read as a typo)."""
    return text.replace("«", "„").replace("»", "“")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def mark_untranslated(text: str) -> str:
    """Each paragraph of a Russian text standing in for a missing Kazakh one, marked."""
    mark = _("[не переведено]")
    marked = []
    for part in paragraphs(text):
        anchor = ANCHOR.match(part)
        if anchor:
            marked.append(f"@{anchor['fragment'].strip()}\n{mark} {anchor['text'].strip()}")
        else:
            marked.append(f"{mark} {part}")
    return "\n\n".join(marked)
