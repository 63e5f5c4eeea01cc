"""Operations: /health/ for the process manager, security events as JSON lines,
and a letter to ADMINS on a server error."""

import json
import logging
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from cbs_reports.security_log import JsonLineFormatter
from reports.models import Report
from tests.dataio.conftest import workbook_bytes
from tests.dataio.test_admin_import import HEADERS, event_row
from tests.handin.helpers import accept_every_handin
from tests.reports.conftest import seeded  # noqa: F401
from tests.reports.test_admin import status_url

SECURITY = "cbs_reports.security"

# /health/


def test_health_answers_ok_for_the_database_cache_and_storage(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get("/health/")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert [line.split(":")[0].split("(")[0] for line in lines] == ["Database", "Cache", "Storage"]
    assert all(line.endswith(": OK") for line in lines)
    assert client.get("/health/", HTTP_ACCEPT="application/json").json()


def test_health_says_which_service_fails(client, db, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker  # no folder can be made inside a file
    response = client.get("/health/")
    assert response.status_code == 500
    storage = [line for line in response.content.decode().splitlines() if "Storage" in line]
    assert storage and not storage[0].endswith(": OK")


def test_health_is_not_redirected_to_https(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/accounts/login/").status_code == 301


# The security log


def _events(caplog) -> list[dict]:
    return [r.security for r in caplog.records if r.name == SECURITY]


def test_logins_failures_and_lockouts_are_logged(client, librarian, caplog, settings):
    caplog.set_level(logging.INFO, logger=SECURITY)
    client.post("/accounts/login/", {"username": "lib-cgb", "password": "pw"})
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "lib-cgb", "password": "no"})
    kinds = [e["event"] for e in _events(caplog)]
    assert kinds[0] == "login" and kinds.count("login_failed") == settings.AXES_FAILURE_LIMIT
    assert "lockout" in kinds
    lockout = next(e for e in _events(caplog) if e["event"] == "lockout")
    assert lockout["user"] == "lib-cgb" and lockout["ip"] == "127.0.0.1"


def test_a_refused_request_is_logged(client, librarian, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY)
    client.force_login(librarian)
    client.get("/admin/branches/staffprofile/")
    [refused] = [e for e in _events(caplog) if e["event"] == "refused"]
    assert refused["user"] == "lib-cgb" and refused["path"] == "/admin/branches/staffprofile/"


def test_an_admin_import_is_logged_with_its_counts(client, librarian, period, caplog):
    from django.contrib.auth.models import Permission

    librarian.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_event", "view_event"])
    )
    caplog.set_level(logging.INFO, logger=SECURITY)
    client.force_login(librarian)
    data = workbook_bytes({"Мероприятия": [HEADERS, event_row(), event_row(title="Другое")]})
    response = client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("e.xlsx", data)},
        follow=True,
    )
    form = response.context["confirm_form"]
    client.post("/admin/events/event/process_import/", dict(form.initial))
    [imported] = [e for e in _events(caplog) if e["event"] == "import"]
    assert imported == {
        "event": "import",
        "user": "lib-cgb",
        "sheet": "Мероприятия",
        "file": "e.xlsx",
        "created": 2,
        "updated": 0,
    }
    client.post(
        "/admin/events/event/import/",
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("x.pdf", b"%PDF")},
        follow=True,
    )
    [refused] = [e for e in _events(caplog) if e["event"] == "import_refused"]
    assert refused["user"] == "lib-cgb" and refused["file"] == "x.pdf"


def test_import_data_logs_its_refusal(tmp_path, db, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY)
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a table")
    with pytest.raises(Exception):  # noqa: B017 - CommandError, tested elsewhere
        call_command("import_data", str(path))
    assert [e["event"] for e in _events(caplog)] == ["import_refused"]


def test_an_approval_is_logged(client, methodologist, organization, seeded, caplog):  # noqa: F811
    report = Report.objects.create(organization=organization, period=seeded)
    accept_every_handin(seeded)  # the hand-in gate (#13) is not under test here
    caplog.set_level(logging.INFO, logger=SECURITY)
    client.force_login(methodologist)
    client.post(status_url(report, "submitted"))
    client.post(status_url(report, "approved"), {"confirmed": "yes"})
    statuses = [(e["user"], e["status"]) for e in _events(caplog) if e["event"] == "report_status"]
    assert statuses == [("methodist", "submitted"), ("methodist", "approved")]


def test_each_event_is_one_json_line(caplog, db):
    from cbs_reports.security_log import event

    caplog.set_level(logging.INFO, logger=SECURITY)
    event("lockout", user="Әсем", ip="10.0.0.7")
    line = JsonLineFormatter().format(caplog.records[-1])
    assert "\n" not in line
    data = json.loads(line)
    assert data["event"] == "lockout" and data["user"] == "Әсем" and "time" in data


# ADMINS


def test_a_server_error_mails_the_admins(client, director, settings):
    settings.ADMINS = [("Дежурный", "ops@cbs.example.kz")]
    client.raise_request_exception = False
    client.force_login(director)
    with mock.patch("dashboard.views._page", side_effect=RuntimeError("boom")):
        response = client.get("/dashboard/")
    assert response.status_code == 500
    [letter] = mail.outbox
    assert letter.to == ["ops@cbs.example.kz"] and "boom" in letter.body


def test_admins_come_from_the_environment(monkeypatch):
    from cbs_reports.settings import env_admins

    monkeypatch.setenv("ADMINS", "Айгуль <aigul@cbs.kz>, ops@cbs.kz")
    assert env_admins("ADMINS") == [("Айгуль", "aigul@cbs.kz"), ("ops@cbs.kz", "ops@cbs.kz")]
