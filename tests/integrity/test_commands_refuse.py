"""Commands obey the closed period: `load_demo` on an approved demo changes nothing and
says so; a refused command prints a Russian message and exits non-zero."""

import io

import pytest
from django.core.management import CommandError, call_command

from events.models import Event
from holdings.models import Receipt
from reports.models import Report
from reports.services import report_set_status
from tests.handin.helpers import accept_every_handin


@pytest.mark.django_db
def test_load_demo_on_an_approved_demo_changes_nothing_and_says_so(demo_written):
    receipt = Receipt.objects.get(copies=630)
    receipt.copies = 730  # the methodologist's correction, before approval
    receipt.save()
    event = Event.objects.filter(platforms__isnull=False).first()
    kept = set(event.platforms.values_list("pk", flat=True))
    event.platforms.clear()
    report = Report.objects.get(period__year=2021, period__half=1)
    accept_every_handin(report.period)  # the hand-in gate (#13) is not under test here
    report_set_status(report=report, status="submitted")
    report_set_status(report=Report.objects.get(pk=report.pk), status="approved")
    versions = Receipt.history.count()

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "уже утверждено" in out.getvalue() and "ничего не изменил" in out.getvalue()
    receipt.refresh_from_db()
    assert receipt.copies == 730
    assert not event.platforms.exists() and kept
    assert Receipt.history.count() == versions


@pytest.mark.django_db
def test_a_command_refused_by_a_closed_period_exits_non_zero_with_a_russian_message(
    monkeypatch,
):
    """load_demo when the period closes between its check and its writes."""
    from branches.facts import WriteRefused
    from demo.management.commands import load_demo

    def closed(org):
        raise WriteRefused(
            "Период «1 полугодие 2021 года» утверждён: его данные больше нельзя менять."
        )

    monkeypatch.setattr(load_demo, "demo_half_year_load", closed)
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=io.StringIO())
    assert "Демо не загружено, ничего не изменено" in str(error.value)
    assert error.value.returncode == 1
    from branches.models import Organization

    assert not Organization.objects.filter(code="balkhash").exists()
