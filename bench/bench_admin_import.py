"""The admin import of 20,000 events end to end, through HTTP: gunicorn (production
settings, its default 30 s timeout) and `manage.py db_worker` beside it, on the demo, on
SQLite and, when DATABASE_URL points at PostgreSQL, in a throw-away database beside it.

The methodologist uploads the file, the job's page is polled until the check is done,
the import is confirmed and the page polled until the save is done. Printed: the
time of each pass and in total, the time a row per pass against the goal of 2 ms,
the errors (any answer but 200/302, a timeout) and the rows saved.
"""

import datetime
import http.client
import io
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.bench_load import LOGIN, _free_port, _manage, _postgres
from bench.goals import goal_line

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BENCH_ADMIN_IMPORT_ROWS", "20000"))
GOAL_MS_A_ROW = 2.0
POLL_SECONDS = 0.5
GIVE_UP_SECONDS = 600
IMPORT_URL = "/admin/events/event/import/"
CONFIRM_URL = "/admin/events/event/process_import/"
# An open half-year of the demo's ЦБС for the file's rows (the demo's own may be approved).
OPEN_PERIOD = """
from branches.models import Organization, ReportingPeriod
organization = Organization.objects.get(code="balkhash")
ReportingPeriod.objects.get_or_create(organization=organization, year=2031, half=1)
"""


def _events_file() -> bytes:
    from openpyxl import Workbook

    from dataio.schema import SHEET_BY_MODEL
    from events.models import Event

    sheet = SHEET_BY_MODEL[Event]
    index = {c.header: i for i, c in enumerate(sheet.columns)}
    libraries = ["cgb", "cgdb", *[f"f{n}" for n in range(1, 8)]]
    forms = ["Викторина", "Акция", "Мастер-класс", "Выставка"]
    start = datetime.date(2031, 1, 1)
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet.title)
    ws.append(sheet.headers)
    for n in range(ROWS):
        values = [None] * len(sheet.headers)
        values[index["Библиотека"]] = libraries[n % len(libraries)]
        values[index["Дата"]] = start + datetime.timedelta(days=n % 180)
        values[index["Название"]] = f"Мероприятие для бенчмарка №{n}"
        values[index["Форма"]] = forms[n % len(forms)]
        values[index["Участников"]] = n % 200
        values[index["Платформы"]] = "Facebook; Instagram" if n % 3 == 0 else None
        ws.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class Browser:
    """One user's session over one connection; answers other than 200/302 are errors."""

    def __init__(self, port: int, session: str):
        self.port = port
        self.cookies = {"sessionid": session}
        self.errors: list[str] = []

    def request(self, method, url, body=None, content_type=None) -> tuple[int, str, str]:
        headers = {
            "Host": "127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if content_type:
            headers["Content-Type"] = content_type
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, url, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.errors.append(f"{method} {url}: {type(error).__name__}")
            return 0, "", ""
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.status not in (200, 302):
            self.errors.append(f"{method} {url}: {response.status}")
        return response.status, response.headers.get("Location", ""), text

    def post(self, url, fields: dict, files: dict | None = None):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {
            "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
            **fields,
        }.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
        for name, (filename, data) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + data
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", url, body, f"multipart/form-data; boundary={boundary}")

    def wait(self, url: str, deadline: float) -> str:
        """The job's page once it no longer refreshes itself (the pass is done)."""
        while time.monotonic() < deadline:
            _status, _location, page = self.request("GET", url)
            if page and 'http-equiv="refresh"' not in page:
                return page
            time.sleep(POLL_SECONDS)
        self.errors.append(f"{url}: not done in {GIVE_UP_SECONDS} s")
        return ""


def _count_events(env) -> int:
    code = "from events.models import Event; print(Event.objects.filter(date__year=2031).count())"
    return int(_manage(env, "shell", "-c", code, capture=True).split()[-1])


def run() -> None:
    data = _events_file()
    print(f"rows: {ROWS}, file: {len(data) / 1024 / 1024:.1f} MB", flush=True)
    with tempfile.TemporaryDirectory(prefix="cbs-bench-admin-import-") as folder:
        _serve("SQLite", f"sqlite:///{folder}/bench.sqlite3", data)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        bench_url, drop = _postgres(url)
        try:
            _serve("PostgreSQL", bench_url, data)
        finally:
            drop()
    else:
        print("PostgreSQL: skipped (DATABASE_URL is not a postgres:// URL)")


def _serve(label: str, database_url: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="cbs-bench-admin-import-") as folder:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": f"{folder}/static",
            "IMPORT_FILES_DIR": f"{folder}/imports",
            "DJANGO_SETTINGS_MODULE": "cbs_reports.settings",
        }
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "load_demo")
        _manage(env, "collectstatic", "--noinput", "-v0")
        _manage(env, "shell", "-c", OPEN_PERIOD)
        login = LOGIN.replace('username="director"', 'username="methodist"')
        session = _manage(env, "shell", "-c", login, capture=True).split()[-1]
        port = _free_port()
        bin_dir = Path(sys.executable).parent
        gunicorn = subprocess.Popen(
            [str(bin_dir / "gunicorn"), "cbs_reports.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "2"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _drive(label, Browser(port, session), env, data)
        finally:
            for process in (gunicorn, worker):
                process.terminate()
                process.wait(timeout=30)


def _drive(label: str, browser: Browser, env, data: bytes) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not browser.request("GET", IMPORT_URL)[2]:
        time.sleep(0.2)  # gunicorn starting
    browser.errors.clear()
    browser.request("GET", IMPORT_URL)  # the CSRF cookie
    started = time.perf_counter()
    give_up = time.monotonic() + GIVE_UP_SECONDS
    _status, job_url, _page = browser.post(
        IMPORT_URL, {"resource": "0", "format": "0"}, {"import_file": ("events.xlsx", data)}
    )
    uploaded = time.perf_counter()
    checked_page = browser.wait(job_url, give_up) if job_url else ""
    checked = time.perf_counter()
    job = re.search(r'name="job" value="([0-9a-f-]+)"', checked_page)
    if job is None:
        browser.errors.append("the check did not offer a confirmation")
    else:
        browser.post(CONFIRM_URL, {"job": job.group(1), "confirm": "1"})
        saved_page = browser.wait(job_url, give_up)
        if "загружен" not in saved_page:
            browser.errors.append("the save did not say «загружен»")
    done = time.perf_counter()
    saved = _count_events(env)
    print(f"upload (the file checked as a file, stored, queued): {uploaded - started:.2f} s")
    print(f"check pass (worker), seen by the page: {checked - uploaded:.2f} s")
    print(f"save pass (worker), seen by the page: {done - checked:.2f} s")
    print(f"end to end: {done - started:.2f} s; rows saved: {saved} of {ROWS}", flush=True)
    per_row = (done - started) / (2 * ROWS) * 1000
    print(
        goal_line("admin import through gunicorn: ms a row per pass", per_row, GOAL_MS_A_ROW, " ms")
    )
    print(goal_line("admin import through gunicorn: errors", len(browser.errors), 0, ""))
    print(goal_line("admin import through gunicorn: rows not saved", ROWS - saved, 0, ""))
    for error in browser.errors[:5]:
        print(f"  {error}")
