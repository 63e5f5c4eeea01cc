"""Two writers at the same moment, on two real database connections (PostgreSQL).

Each race is made deterministic: the first writer holds its transaction open
for a moment after writing; the second starts inside that moment. Writers of
one library (and of one period) queue on row locks, so the second one sees
the first one's committed rows and is refused with a message, not a 500.

On SQLite the whole transaction takes the write lock up front
(`"transaction_mode": "IMMEDIATE"`), so writers queue the same way; the
in-memory test database cannot be shared by threads, so there the settings are
checked and the refusal is shown through the admin in test_fund_never_below_zero.
"""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from branches.facts import WriteRefused
from branches.models import Library, Organization, ReportingPeriod
from holdings.models import FundingSource, FundSnapshot, Receipt, WriteOff, WriteOffReason
from reports.models import Report
from reports.services import report_set_status
from tests.handin.helpers import accept_every_handin
from tests.integrity.helpers import D
from tests.migrated_sqlite import migrated_sqlite, sqlite_copy

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections at once need PostgreSQL"
)
HOLD = 0.6  # seconds the first writer keeps its transaction open


def test_sqlite_transactions_take_the_write_lock_up_front():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def race_on_a_sqlite_file(tmp_path_factory, tmp_path, mode: str) -> dict:
    """Run tests/integrity/sqlite_race.py in a fresh process on a copy of a migrated SQLite
    file; what each writer got."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only: PostgreSQL has its own race tests below")
    database = sqlite_copy(migrated_sqlite(tmp_path_factory), tmp_path / "race.sqlite3")
    script = Path(__file__).with_name("sqlite_race.py")
    env = {**os.environ, "PYTHONPATH": str(settings.BASE_DIR)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, str(script), str(database), mode],
        capture_output=True, text=True, timeout=300, cwd=settings.BASE_DIR, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_on_a_sqlite_file_the_second_of_two_simultaneous_writeoffs_is_refused_not_a_500(
    tmp_path_factory, tmp_path
):
    """Two real connections to one SQLite file: the second writer waits for the first,
    then is told the fund would go below zero; nobody gets «database is locked»."""
    results = race_on_a_sqlite_file(tmp_path_factory, tmp_path, "writeoffs")
    assert results["first"] == "saved"
    assert results["second"].startswith("ValidationError"), results
    assert "ушёл бы в минус" in results["second"]


def test_on_a_sqlite_file_an_approval_racing_an_edit_waits_and_freezes_it_in(
    tmp_path_factory, tmp_path
):
    results = race_on_a_sqlite_file(tmp_path_factory, tmp_path, "approval")
    assert results == {"first": "saved", "second": 77}


def in_thread(work, results, name):
    def run():
        try:
            results[name] = work()
        except Exception as error:  # what the user would get: kept for the assertions
            results[name] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def committed_rows():
    """A library holding 10 copies on 01.01.2021, in an open half-year."""
    organization = Organization.objects.create(code="race", name_ru="ЦБС", city_ru="Балхаш")
    library = Library.objects.create(
        organization=organization, code="cgb", kind="central", short_name="ЦГБ", name_ru="ЦГБ"
    )
    library.fund_day = D(2021, 3, 1)
    period = ReportingPeriod.objects.create(organization=organization, year=2021, half=1)
    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=10, copies_kk=0)
    return library, period


@pytest.fixture
def committed_library(transactional_db):
    return committed_rows()


def writeoff_of_six(library, day):
    """A write-off of 6 copies as a form saves it: checked, then saved."""
    row = WriteOff(library=library, date=day, reason=WriteOffReason.objects.get(code="wear"),
                   copies=6, copies_kk=0)  # fmt: skip
    row.full_clean()
    row.save()
    return row


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("second_day", [D(2021, 3, 1), D(2021, 2, 1)], ids=["same", "earlier"])
def test_two_simultaneous_writeoffs_of_six_from_ten_one_is_refused(committed_library, second_day):
    library, _period = committed_library
    first_wrote = threading.Event()
    results = {}

    def first():
        with transaction.atomic():
            row = writeoff_of_six(library, D(2021, 3, 1))
            first_wrote.set()
            time.sleep(HOLD)
        return row

    def second():
        first_wrote.wait(5)
        with transaction.atomic():
            return writeoff_of_six(library, second_day)

    threads = [in_thread(first, results, "first"), in_thread(second, results, "second")]
    for thread in threads:
        thread.join(30)
    assert isinstance(results["first"], WriteOff)
    assert isinstance(results["second"], ValidationError)
    assert "ушёл бы в минус" in " ".join(results["second"].messages)
    assert WriteOff.objects.count() == 1


@pytest.fixture
def submitted(committed_library):
    library, period = committed_library
    report = Report.objects.create(organization=library.organization, period=period)
    accept_every_handin(report.period)  # the hand-in gate (#13) is not under test here
    report_set_status(report=report, status="submitted")
    return library, period, report


def receipt_of(library, copies):
    source = FundingSource.objects.get(code="gift")
    row = Receipt(library=library, date=D(2021, 3, 1), source=source, copies=copies)
    row.full_clean()
    row.save()
    return row


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edit_racing_the_approval_is_in_the_snapshot(submitted):
    """The edit holds the period: the approval waits for it and freezes it in."""
    library, period, report = submitted
    wrote = threading.Event()
    results = {}

    def edit():
        with transaction.atomic():
            receipt_of(library, 77)
            wrote.set()
            time.sleep(HOLD)

    def approve():
        wrote.wait(5)
        return report_set_status(report=Report.objects.get(pk=report.pk), status="approved")

    threads = [in_thread(edit, results, "edit"), in_thread(approve, results, "approve")]
    for thread in threads:
        thread.join(60)
    assert results["edit"] is None
    report.refresh_from_db()
    assert report.status == "approved"
    assert report.snapshot["ru"]["key_figures"]["received"] == 77


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edit_after_the_approval_began_is_refused(submitted):
    """The approval holds the period: the edit waits for it, then finds it approved."""
    library, period, report = submitted
    approving = threading.Event()
    results = {}

    def approve():
        with transaction.atomic():
            report_set_status(report=Report.objects.get(pk=report.pk), status="approved")
            approving.set()
            time.sleep(HOLD)

    def edit():
        approving.wait(5)
        with transaction.atomic():
            return receipt_of(library, 77)

    threads = [in_thread(approve, results, "approve"), in_thread(edit, results, "edit")]
    for thread in threads:
        thread.join(60)
    assert isinstance(results["edit"], ValidationError)
    assert "утверждён" in " ".join(results["edit"].messages)
    assert not Receipt.objects.exists()
    assert isinstance(results["edit"], WriteRefused | ValidationError)
