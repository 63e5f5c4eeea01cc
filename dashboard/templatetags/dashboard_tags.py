"""Numbers as a reader in Kazakhstan writes them: 283 120, 2770,4, 12,5 %."""

from decimal import Decimal

from django import template
from django.utils.translation import get_language

register = template.Library()

GROUP = "\u00a0"  # a no-break space keeps "283 120" on one line


@register.filter
def num(value, places=None):
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal | float) or places is not None:
        places = 1 if places is None else int(places)
        text = f"{float(value):,.{places}f}"
    else:
        text = f"{int(value):,}"
    return text.replace(",", GROUP).replace(".", ",")


@register.filter
def signed(value, places=None):
    """+1 234 / −56 / 0, for a change."""
    if value is None:
        return "—"
    text = num(abs(value), places)
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"\u2212{text}"
    return text


@register.filter
def missing_count(entered: dict) -> int:
    """How many kinds of data a library has not entered for the period."""
    return sum(1 for count in entered.values() if not count)


@register.filter
def share(part, whole) -> str:
    """31,0 %: the part's share of the whole, one decimal."""
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f}".replace(".", ",") + "\u00a0%"


@register.filter
def minus(value, other):
    return (value or 0) - (other or 0)


@register.filter
def local_name(row) -> str:
    """A selector row's name (kind, catalogue database) in the page's language."""
    return row.name((get_language() or "ru")[:2])


@register.filter
def entry(mapping: dict, key):
    """mapping[key], or None: a chart's spec by its key."""
    return (mapping or {}).get(key)


@register.filter
def index(sequence, position: int):
    """sequence[position]: a table's column beside its cell."""
    return sequence[position]
