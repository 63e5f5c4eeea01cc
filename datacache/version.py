"""An organization's data version: a token that any write to its data replaces.

Figures are cached under the version they were computed from, so a write makes
them unreachable at once, without listing which figures it touched. A shared
list (event forms, funding sources...) has no organization: it moves the global
version, which is part of every organization's.

The version lives in the cache itself: a cleared or evicted cache only costs a
recomputation. A write bumps the version at once and again when its transaction
commits: a reader that saw the first bump before the commit computed from the
old rows, and the second bump makes what it cached unreachable.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "cbs:data-version:{scope}"
EVERY_ORGANIZATION = "all"


def _key(scope) -> str:
    return VERSION_KEY.format(scope=scope)


def version_keys(organization_id: int) -> list[str]:
    """The cache keys whose values make up the organization's data version."""
    return [_key(EVERY_ORGANIZATION), _key(organization_id)]


def data_version(organization_id: int) -> str:
    """The current version of the organization's data (and of the shared lists)."""
    keys = version_keys(organization_id)
    found = cache.get_many(keys)
    if len(found) < len(keys):
        for key in keys:
            if key not in found:
                cache.add(key, uuid.uuid4().hex, timeout=None)
        found = cache.get_many(keys)  # another process may have added its own first
    return ".".join(found.get(key, "") for key in keys)


def _bump(scope) -> None:
    cache.set(_key(scope), uuid.uuid4().hex, timeout=None)


def data_changed(organization_id: int | None = None) -> None:
    """The organization's data changed (None: data every organization reads)."""
    scope = EVERY_ORGANIZATION if organization_id is None else organization_id
    _bump(scope)
    transaction.on_commit(lambda: _bump(scope))


def organizations_version(organization_ids: list[int]) -> str:
    """A digest of the data versions of several organizations and of the shared lists:
    it changes when any of them does. One `get_many` (and one more the first time a
    version is missing)."""
    keys = organizations_version_keys(organization_ids)
    found = cache.get_many(keys)
    if len(found) < len(keys):
        for key in keys:
            if key not in found:
                cache.add(key, uuid.uuid4().hex, timeout=None)
        found = cache.get_many(keys)
    return organizations_version_of(keys, found)


def organizations_version_keys(organization_ids: list[int]) -> list[str]:
    """The cache keys whose values make up the organizations' data version."""
    return [_key(EVERY_ORGANIZATION), *(_key(pk) for pk in sorted(organization_ids))]


def organizations_version_of(keys: list[str], found: dict) -> str:
    """The digest `organizations_version` returns, from the keys' values read."""
    joined = ".".join(f"{key}={found.get(key, '')}" for key in keys)
    return hashlib.sha256(joined.encode()).hexdigest()[:32]
