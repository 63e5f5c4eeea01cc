"""An organization's data version: any write to its data (a row, a list, a
many-to-many link, an import) moves it, another organization's does not; the
report download, Redis and entries of an older release."""

import datetime
import io
import sys
import types
import uuid

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from branches.models import Library, Platform
from datacache.cached import cached_figures, figures_key
from datacache.version import EVERY_ORGANIZATION, VERSION_KEY, data_version
from events.models import Event, EventForm
from holdings.models import FundingSource, Receipt
from reports.models import Report, ReportFile
from tests.dashboard.test_figures_cache import data_reads


def test_writes_move_only_their_own_organizations_version(
    organization, other_organization, library
):
    ours, theirs = data_version(organization.pk), data_version(other_organization.pk)
    Receipt.objects.create(
        library=library, date=datetime.date(2021, 2, 1),
        source=FundingSource.objects.get(code="gift"), copies=1, copies_kk=0,
    )  # fmt: skip
    assert data_version(organization.pk) != ours
    assert data_version(other_organization.pk) == theirs


def test_a_shared_list_and_a_many_to_many_link_move_the_version(organization, library, period):
    before = data_version(organization.pk)
    form = EventForm.objects.first()
    form.name_ru += " (изм.)"
    form.save()
    after_list = data_version(organization.pk)
    assert after_list != before
    event = Event.objects.create(
        library=library, date=datetime.date(2021, 3, 1), title="Эфир", form=form
    )
    after_event = data_version(organization.pk)
    event.platforms.add(Platform.objects.first())
    assert data_version(organization.pk) != after_event


def test_an_import_moves_the_version(organization, library, period):
    from openpyxl import Workbook

    from dataio.exporting import row_values
    from dataio.importing import workbook_import
    from dataio.schema import SHEET_BY_MODEL

    book = Workbook()
    book.remove(book.active)
    for model, rows in ((type(organization), [organization]), (Library, [library])):
        ws = book.create_sheet(SHEET_BY_MODEL[model].title)
        ws.append(SHEET_BY_MODEL[model].headers)
        for obj in rows:
            ws.append(row_values(SHEET_BY_MODEL[model], obj))
    sheet = SHEET_BY_MODEL[Event]
    ws = book.create_sheet(sheet.title)
    ws.append(sheet.headers)
    row = dict.fromkeys((c.name for c in sheet.columns), None)
    row.update(library=library.code, date=datetime.date(2021, 3, 1), title="Чтения",
               form=EventForm.objects.first().name_ru)  # fmt: skip
    ws.append([row[c.name] for c in sheet.columns])
    buffer = io.BytesIO()
    book.save(buffer)
    before = data_version(organization.pk)
    report = workbook_import(buffer.getvalue(), "events.xlsx")
    assert report.ok, report.error_lines()
    assert Event.objects.filter(library=library).count() == 1
    assert data_version(organization.pk) != before


def test_the_report_download_is_built_once_per_data_version(
    client, methodologist, organization, period, library
):
    from reports.models import Report

    report = Report.objects.create(organization=organization, period=period)
    client.force_login(methodologist)
    url = f"/admin/reports/report/{report.pk}/download/xlsx/"
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(url).status_code == 200
    assert data_reads(first.captured_queries) and not data_reads(second.captured_queries)


def redis_available() -> bool:
    try:
        import redis

        return redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_timeout=1).ping()
    except Exception:
        return False


@pytest.mark.skipif(not redis_available(), reason="no Redis at 127.0.0.1:6379")
def test_with_redis_url_the_figures_live_in_redis(organization, library):
    prefix = f"cbs-test-{uuid.uuid4().hex}"
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=redis_cache):
        computed = []
        figure = lambda: computed.append(1) or 42  # noqa: E731
        assert cached_figures(organization.pk, "test", ("x",), figure) == 42
        assert cached_figures(organization.pk, "test", ("x",), figure) == 42
        assert computed == [1]
        Receipt.objects.create(
            library=library, date=datetime.date(2021, 2, 1),
            source=FundingSource.objects.get(code="gift"), copies=1, copies_kk=0,
        )  # fmt: skip
        assert cached_figures(organization.pk, "test", ("x",), figure) == 42
        assert computed == [1, 1]
        assert type(caches["default"]).__name__ == "RedisCache"
        # Only this test's keys (never clear(): it would empty the whole Redis database).
        keys = [figures_key(organization.pk, "test", ("x",))]
        keys += [VERSION_KEY.format(scope=s) for s in (organization.pk, EVERY_ORGANIZATION)]
        cache.delete_many(keys)


def test_an_entry_left_by_an_older_release_is_computed_afresh(organization, monkeypatch):
    """A cached object whose class has moved since (a deploy) cannot be unpickled:
    the figures are computed again instead of the page failing."""
    module = types.ModuleType("cbs_moved_since")
    exec("class Figures:\n    pass", module.__dict__)
    module.Figures.__module__ = module.__name__
    monkeypatch.setitem(sys.modules, module.__name__, module)
    key = figures_key(organization.pk, "test", ("old",))
    cache.set(key, module.Figures())
    monkeypatch.delitem(sys.modules, module.__name__)
    with pytest.raises(ModuleNotFoundError):
        cache.get(key)
    assert cached_figures(organization.pk, "test", ("old",), lambda: 7) == 7
    assert cached_figures(organization.pk, "test", ("old",), lambda: 8) == 7  # stored anew


def test_clear_figures_cache_after_a_deploy_recomputes_every_organizations_figures(
    organization, other_organization
):
    """A release can change how a page is made with no data changed: the deploy's
    `clear_figures_cache` makes every cached figure unreachable."""
    from django.core.management import call_command

    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    ours, theirs = data_version(organization.pk), data_version(other_organization.pk)
    assert cached_figures(organization.pk, "deploy-test", (), compute) == 1
    assert cached_figures(organization.pk, "deploy-test", (), compute) == 1  # cached
    out = io.StringIO()
    call_command("clear_figures_cache", stdout=out)
    assert "Кэш показателей сброшен" in out.getvalue()
    assert data_version(organization.pk) != ours
    assert data_version(other_organization.pk) != theirs
    assert cached_figures(organization.pk, "deploy-test", (), compute) == 2


def test_a_report_file_written_by_the_worker_moves_no_version(organization, period, methodologist):
    """A report's file is derived from the data (branches.kinds.DERIVED): writing it
    leaves the figures it was written from cached."""
    report = Report.objects.create(organization=organization, period=period)
    before = data_version(organization.pk)
    file = ReportFile.objects.create(report=report, user=methodologist, fmt="docx", language="ru")
    file.state = ReportFile.State.READY
    file.save()
    file.delete()
    assert data_version(organization.pk) == before
