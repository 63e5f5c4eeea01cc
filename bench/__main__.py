"""`make bench`: run every `bench/bench_*.py` module's `run()` and print its figures.

Benchmarks run against a throw-away SQLite database (or DATABASE_URL's, if set)
created by the test runner machinery, never against the demo database.
"""

import importlib
import os
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbs_reports.test_settings")


def main() -> int:
    import django
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    django.setup()
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        names = sorted(
            m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
            if m.name.startswith("bench_")
        )  # fmt: skip
        if not names:
            print("no benchmarks in bench/")
        for name in names:
            module = importlib.import_module(f"bench.{name}")
            print(f"== {name} ==", flush=True)
            module.run()
    finally:
        teardown_databases(old, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
