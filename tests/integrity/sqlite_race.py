"""Two writers at once on a real SQLite file: two write-offs of 6 from a fund of 10
(`writeoffs`), or an edit racing the approval of its half-year (`approval`).

Run by tests/integrity/test_races.py in a fresh process (the suite's in-memory
database cannot be shared by two connections), on a copy of a migrated SQLite file:
prints one JSON line with what each writer got.
"""

import json
import sys
import threading
import time

import django


def main(path: str, mode: str) -> None:
    import os

    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbs_reports.test_settings")
    django.setup()
    from django.db import connection, transaction
    from django.db.migrations.executor import MigrationExecutor

    from reports.models import Report
    from reports.services import report_set_status
    from tests.handin.helpers import accept_every_handin
    from tests.integrity.test_races import committed_rows, receipt_of, writeoff_of_six

    # A copy of a migrated file (tests/migrated_sqlite.py): nothing left to migrate.
    executor = MigrationExecutor(connection)
    assert not executor.migration_plan(executor.loader.graph.leaf_nodes()), "not migrated"
    library, _period = committed_rows()
    first_wrote = threading.Event()
    results = {}

    def run(name, work):
        try:
            results[name] = work()
        except Exception as error:
            results[name] = (
                f"{type(error).__name__}: {' '.join(getattr(error, 'messages', [str(error)]))}"
            )
        finally:
            connection.close()

    report = Report.objects.create(organization=library.organization, period=_period)
    accept_every_handin(report.period)  # the hand-in gate (#13) is not under test here
    report_set_status(report=report, status="submitted")

    def first():
        with transaction.atomic():
            if mode == "writeoffs":
                writeoff_of_six(library, library.fund_day)
            else:
                receipt_of(library, 77)
            first_wrote.set()
            time.sleep(0.6)
        return "saved"

    def second():
        first_wrote.wait(5)
        if mode == "writeoffs":
            with transaction.atomic():
                writeoff_of_six(library, library.fund_day)
            return "saved"
        approved = report_set_status(report=Report.objects.get(pk=report.pk), status="approved")
        return approved.snapshot["ru"]["key_figures"]["received"]

    threads = [
        threading.Thread(target=run, args=("first", first)),
        threading.Thread(target=run, args=("second", second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
