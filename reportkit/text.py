"""Small text helpers for the report: numbers and counted nouns as the seed writes them."""

from decimal import Decimal

from django.utils.translation import get_language


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
