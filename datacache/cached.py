"""Figures computed once per data version: `cached_figures(organization_id, name,
parts, compute)` returns what `compute()` returned for the same organization,
name and parts since its data last changed."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from datacache.version import data_version

MISSING = object()
logger = logging.getLogger(__name__)


def figures_key(organization_id: int, name: str, parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"cbs:figures:{name}:{organization_id}:{data_version(organization_id)}:{digest}"


def cached_figures(organization_id: int, name: str, parts, compute):
    """`parts`: everything besides the data that the figures depend on (a span, a
    library, the language), as plain values whose repr() identifies them."""
    return cached(figures_key(organization_id, name, parts), compute)


def cached(key: str, compute):
    """What `compute()` returned under `key` (a `figures_key`), computed if missing."""
    try:
        value = cache.get(key, MISSING)
    except Exception:  # e.g. an entry pickled by an older release whose classes moved
        logger.warning("figures cache: unreadable entry %s, computing afresh", key, exc_info=True)
        value = MISSING
    if value is MISSING:
        value = compute()
        cache.set(key, value, timeout=settings.FIGURES_CACHE_SECONDS)
    return value
