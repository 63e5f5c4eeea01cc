from django import template

from reportkit.text import number

register = template.Library()


@register.filter
def report_cell(value):
    """A table cell as it prints: numbers with a decimal comma, text as is."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return number(value)
    return value


@register.filter
def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)
