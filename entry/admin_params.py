"""Typed list parameters that no row can match get a 404, not a server error.

An admin list filters by whatever the address says (`?library=…`,
`?date__year=…`). A number no database column can hold (20 digits) makes
SQLite raise, and a year past what a date can be makes Python raise; both
are no match at all, so the page answers 404. Other unusable parameters
(a filter the list does not have) keep Django's own answer: the list again,
with its "?e=1" notice.
"""

import re

from django.contrib.admin.options import IncorrectLookupParameters
from django.http import Http404

# The widest integer column (a 64-bit id).
_INTEGER = re.compile(r"^\s*[-+]?\d+\s*$")
_LIMIT = 2**63 - 1


def overflows(value) -> bool:
    """True for a whole number (or a comma-separated list with one) no column holds."""
    return any(
        _INTEGER.match(token) and abs(int(token)) > _LIMIT for token in str(value).split(",")
    )


class TypedParamsChangeListMixin:
    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        for values in lookup_params.values():
            for value in values if isinstance(values, list) else [values]:
                if overflows(value):
                    raise Http404
        return lookup_params

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except OverflowError as error:  # a date hierarchy year past 9999 by far
            raise IncorrectLookupParameters(error) from error


class TypedParamsAdminMixin:
    """For a ModelAdmin: its list (and the export, which builds the same list) checks
    the typed parameters."""

    def get_changelist(self, request, **kwargs):
        base = super().get_changelist(request, **kwargs)
        return type(base.__name__, (TypedParamsChangeListMixin, base), {})
