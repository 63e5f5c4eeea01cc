"""The three doors against an approval at the same moment, on two real PostgreSQL
connections (see test_races for how each race is made deterministic): a page or a
narrative edited while the half-year is being approved is either in the snapshot
and then frozen, or refused."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from branches.models import Platform, SocialPage
from reports.models import Report, SectionText
from reports.services import report_set_status
from tests.handin.helpers import accept_every_handin
from tests.integrity.test_races import HOLD, committed_rows, in_thread, on_postgresql


@pytest.fixture
def submitted(transactional_db):
    """A library in a half-year whose report is submitted, committed (as test_races')."""
    library, period = committed_rows()
    report = Report.objects.create(organization=library.organization, period=period)
    accept_every_handin(report.period)
    report_set_status(report=report, status="submitted")
    return library, period, report


def edit_then_approve(report, edit) -> dict:
    """`edit` holds its transaction open; the approval starts inside it."""
    wrote = threading.Event()
    results = {}

    def first():
        with transaction.atomic():
            edit()
            wrote.set()
            time.sleep(HOLD)

    def approve():
        wrote.wait(5)
        return report_set_status(report=Report.objects.get(pk=report.pk), status="approved")

    threads = [in_thread(first, results, "edit"), in_thread(approve, results, "approve")]
    for thread in threads:
        thread.join(60)
    return results


def approve_then_edit(report, edit) -> dict:
    approving = threading.Event()
    results = {}

    def approve():
        with transaction.atomic():
            report_set_status(report=Report.objects.get(pk=report.pk), status="approved")
            approving.set()
            time.sleep(HOLD)

    def second():
        approving.wait(5)
        with transaction.atomic():
            return edit()

    threads = [in_thread(approve, results, "approve"), in_thread(second, results, "edit")]
    for thread in threads:
        thread.join(60)
    return results


def page_of(library) -> SocialPage:
    return SocialPage.objects.create(organization=library.organization, library=library,
                                     platform=Platform.objects.get(code="facebook"),
                                     url="https://fb.com/cgb")  # fmt: skip


def page_moved(page):
    page.url = "https://fb.com/moved"
    page.save()


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_edited_as_the_approval_begins_is_printed_as_edited_and_frozen(submitted):
    library, _period, report = submitted
    page = page_of(library)
    results = edit_then_approve(report, lambda: page_moved(page))
    assert results["edit"] is None and isinstance(results["approve"], Report)
    page.refresh_from_db()
    assert (page.url, page.printed) == ("https://fb.com/moved", True)


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_edited_after_the_approval_began_is_refused(submitted):
    library, _period, report = submitted
    page = page_of(library)
    results = approve_then_edit(report, lambda: page_moved(page))
    assert isinstance(results["edit"], ValidationError)
    assert "напечатана в утверждённом отчёте" in " ".join(results["edit"].messages)
    page.refresh_from_db()
    assert (page.url, page.printed) == ("https://fb.com/cgb", True)


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_narrative_written_after_the_approval_began_is_refused(submitted):
    _library, _period, report = submitted
    text = SectionText.objects.create(report=report, section="parasat", text_ru="Как было")

    def rewrite():
        text.text_ru = "Иначе"
        text.save()

    results = approve_then_edit(report, rewrite)
    assert isinstance(results["edit"], ValidationError)
    assert "тексты его разделов больше нельзя менять" in " ".join(results["edit"].messages)
    assert SectionText.objects.get().text_ru == "Как было"
