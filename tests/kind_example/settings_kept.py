"""The example kind's settings with the test database kept in the SQLite file that
DATABASE_URL names (pytest --reuse-db): tests/test_kind_example.py runs the example's
checks on a copy of a file migrated with the kind already (tests/migrated_sqlite.py)."""

from tests.kind_example.settings import *  # noqa: F403
from tests.kind_example.settings import DATABASES

DATABASES["default"]["TEST"] = {"NAME": DATABASES["default"]["NAME"]}
