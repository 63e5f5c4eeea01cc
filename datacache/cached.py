"""Figures computed once per data version: `cached_figures(organization_id, name,
parts, compute)` returns what `compute()` returned for the same organization,
name and parts since its data last changed.

Computed once, not once per process: right after a write every open dashboard
asks for the same figures at the same moment. The first request takes a lock
(`cache.add`) and computes; the others wait for its result, polling the cache,
instead of all computing it at once on the same few cores. A waiter whose
computer has gone (the lock expired or was dropped without a result) computes
itself: a lost lock costs time, never an answer.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

from datacache.version import (
    data_version,
    organizations_version,
    organizations_version_keys,
    organizations_version_of,
    version_keys,
)

MISSING = object()
logger = logging.getLogger(__name__)
# How long one computation may hold the lock, and how often a waiter looks.
LOCK_SECONDS = 15
POLL_SECONDS = 0.02


def figures_key(organization_id: int, name: str, parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"cbs:figures:{name}:{organization_id}:{data_version(organization_id)}:{digest}"


def cached_figures(organization_id: int, name: str, parts, compute):
    """`parts`: everything besides the data that the figures depend on (a span, a
    library, the language), as plain values whose repr() identifies them."""
    return cached(figures_key(organization_id, name, parts), compute)


def _read(key: str):
    try:
        return cache.get(key, MISSING)
    except Exception:  # e.g. an entry pickled by an older release whose classes moved
        logger.warning("figures cache: unreadable entry %s, computing afresh", key, exc_info=True)
        return MISSING


def _once(lock: str, read, compute, busy=None, looked: bool = False):
    """`read()` if it finds a value, else `compute()` by one process at a time: the
    first takes `lock`, the others poll `read()` until its result appears (or, given
    `busy`, return `busy()` at once instead of waiting). `looked`: the caller has just
    read and found nothing, so the first `read()` is spared."""
    if not looked:
        value = read()
        if value is not MISSING:
            return value
    if cache.add(lock, 1, timeout=LOCK_SECONDS):
        try:
            return compute()
        finally:
            cache.delete(lock)
    if busy is not None:
        return busy()
    deadline = time.monotonic() + LOCK_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        unlocked = cache.get(lock) is None  # looked at first: the result is set before
        value = read()
        if value is not MISSING:
            return value
        if unlocked:  # the computer gave up (an error) without a result: compute here
            break
    return compute()


def cached(key: str, compute):
    """What `compute()` returned under `key` (a `figures_key`), computed if missing,
    by one request at a time (the others wait for it)."""

    def compute_and_keep():
        value = compute()
        cache.set(key, value, timeout=settings.FIGURES_CACHE_SECONDS)
        return value

    return _once(f"{key}:computing", lambda: _read(key), compute_and_keep)


def current_figures(organization_id: int, name: str, parts, compute):
    """`cached_figures` in one read of the cache when the figures are current: they
    are kept under a key without the data version, beside the version they were
    computed from, and read with the version in one `get_many`. (A page that runs
    on every request saves a round trip to the cache: the body of the dashboard.)"""
    return _current(organization_id, name, parts, compute, previous_while_computing=False)[0]


def current_or_previous_figures(organization_id: int, name: str, parts, compute):
    """(figures, True) as `current_figures` gives them, or (the figures of the previous
    data version, False) while another request is computing the current ones.

    Right after a write every open page asks at once; instead of waiting for the
    one that computes, they are answered at once with the page as it was a moment
    before (stale-while-revalidate), and say so. Sequential requests never see
    the previous figures: without a computation under way a request computes."""
    return _current(organization_id, name, parts, compute, previous_while_computing=True)


def _current(organization_id, name, parts, compute, *, previous_while_computing: bool):
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"cbs:current:{name}:{organization_id}:{digest}"
    scopes = version_keys(organization_id)
    try:
        found = cache.get_many([*scopes, key])
    except Exception:  # an unreadable entry (see `_read`)
        logger.warning("figures cache: unreadable entry %s, computing afresh", key, exc_info=True)
        found = {}
    if all(scope in found for scope in scopes):
        version = ".".join(found[scope] for scope in scopes)
    else:
        version = data_version(organization_id)

    def read(entry=None):
        entry = _read(key) if entry is None else entry
        if _is_entry(entry) and entry[0] == version:
            return entry[1], True
        return MISSING

    value = read(found.get(key, MISSING))
    if value is not MISSING:
        return value

    def compute_and_keep():
        value = compute()
        cache.set(key, (version, value), timeout=settings.FIGURES_CACHE_SECONDS)
        return value, True

    lock = f"{key}:{version}:computing"
    previous = found.get(key)
    busy = None
    looked = False
    if previous_while_computing and _is_entry(previous):
        busy = lambda: (previous[1], False)  # noqa: E731
        # A look before trying to take the lock: taking it is a write (with the
        # database cache, a transaction of its own), and right after a write every
        # request would try it at once. The figures are read again in the same look
        # (one round trip): another request may have just computed them.
        try:
            seen = cache.get_many([lock, key])
        except Exception:  # an unreadable entry (see `_read`): `_once` reads it alone
            logger.warning("figures cache: unreadable entry %s", key, exc_info=True)
        else:
            if lock in seen:
                return busy()
            value = read(seen.get(key, MISSING))
            if value is not MISSING:
                return value
            looked = True
    return _once(lock, read, compute_and_keep, busy, looked=looked)


def _is_entry(entry) -> bool:
    return isinstance(entry, tuple) and len(entry) == 2


def organizations_figures(organization_ids: list[int], name: str, parts, compute):
    """`current_figures` for figures read from several organizations (a region's
    dashboard): kept beside the version of all of them, so a write to any member ЦБС
    (or to a shared list) makes them stale. When they are current: one read of the
    cache (the versions and the figures in one `get_many`), whatever the number of
    organizations; else computed by one request at a time."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"cbs:current:{name}:many:{digest}"
    scopes = organizations_version_keys(organization_ids)
    try:
        found = cache.get_many([*scopes, key])
    except Exception:  # an unreadable entry (see `_read`)
        logger.warning("figures cache: unreadable entry %s, computing afresh", key, exc_info=True)
        found = {}
    if all(scope in found for scope in scopes):
        version = organizations_version_of(scopes, found)
    else:
        version = organizations_version(organization_ids)
    entry = found.get(key)
    if _is_entry(entry) and entry[0] == version:
        return entry[1]

    def read():
        entry = _read(key)
        return entry[1] if _is_entry(entry) and entry[0] == version else MISSING

    def compute_and_keep():
        value = compute()
        cache.set(key, (version, value), timeout=settings.FIGURES_CACHE_SECONDS)
        return value

    return _once(f"{key}:{version}:computing", read, compute_and_keep)
