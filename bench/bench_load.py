"""The director's dashboard under load: 20 clients at once against gunicorn for
30 s, on the demo, on SQLite and on PostgreSQL, with production settings (DEBUG
off) and the project's recommended gunicorn configuration (gunicorn.conf.py,
printed with the figures).

Two phases per database: warm (no writes: the page's body comes from the cache)
and cold (a data write every WRITE_EVERY seconds moves the data version, so the
page after each write is computed afresh, once for all the clients asking).
Printed per phase: requests, errors, median and p95 against the goal of 100 ms;
for the cold phase also the p95 of the requests sent in the AFTER_WRITE seconds
after a write: those that wait for the fresh page. Loopback only; every loop is
bounded by the phase's deadline and every request by a timeout.

PostgreSQL runs when DATABASE_URL points at it: in a database of its own,
«<name>_bench», created and dropped here.
"""

import contextlib
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.goals import goal_line

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "30"))
WRITE_EVERY = 5.0
AFTER_WRITE = 0.5
CONFIG = ROOT / "gunicorn.conf.py"
GOAL_MS = 100
URL = "/dashboard/"

LOGIN = """
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
user = get_user_model().objects.get(username="director")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""

# A write every few seconds, as a librarian's save would: the event's title changes
# and back, through save() (signals, history), so the organization's data version moves.
WRITER = """
import time
from events.models import Event
event = Event.objects.filter(library__organization__code="balkhash").first()
title = event.title
print("ready", flush=True)
deadline = time.monotonic() + {seconds}
flip = False
while time.monotonic() < deadline:
    time.sleep({every})
    flip = not flip
    event.title = title + (" *" if flip else "")
    event.save()
    print("wrote", time.time(), flush=True)
event.title = title
event.save()
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env, *args, capture=False) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )  # fmt: skip
    return done.stdout or ""


def wait_for(port: int) -> None:
    """Up to 20 s for a server to start listening on `port`."""
    for _ in range(100):
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
            return
        time.sleep(0.2)


def _client(port, cookie, deadline, timings, errors, sent=None, url=URL) -> None:
    connection = None
    while time.monotonic() < deadline:
        started = time.perf_counter()
        wall = time.time()
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", url, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
        except (OSError, http.client.HTTPException) as error:
            errors.append(type(error).__name__)
            if connection is not None:
                connection.close()
            connection = None
            continue
        timings.append((time.perf_counter() - started) * 1000)
        if sent is not None:
            sent.append(wall)
    if connection is not None:
        connection.close()


def _p95(timings: list[float]) -> float:
    ordered = sorted(timings) or [float("nan")]
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _phase(label, port, cookie, env, write) -> None:
    timings, errors, sent = [], [], []
    writer = None
    if write:
        code = WRITER.format(seconds=SECONDS, every=WRITE_EVERY)
        writer = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        writer.stdout.readline()  # "ready": the phase starts with the writer's clock
    deadline = time.monotonic() + SECONDS
    threads = [
        threading.Thread(target=_client, args=(port, cookie, deadline, timings, errors, sent))
        for _ in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(SECONDS + 60)
    writes = []
    if writer is not None:
        output, _err = writer.communicate(timeout=120)
        writes = [
            float(line.split()[1]) for line in output.splitlines() if line.startswith("wrote")
        ]
    print(
        f"{label}: {len(timings)} requests ({len(timings) / SECONDS:.0f}/s), "
        f"{len(errors)} errors, median {statistics.median(timings or [float('nan')]):.0f} ms "
        f"(load average {os.getloadavg()[0]:.1f})",
        flush=True,
    )
    print(goal_line(f"{label}: p95", _p95(timings), GOAL_MS, unit=" ms"), flush=True)
    if write:
        after = [
            ms for ms, at in zip(timings, sent, strict=True)
            if any(0 <= at - wrote < AFTER_WRITE for wrote in writes)
        ]  # fmt: skip
        print(
            goal_line(
                f"{label}: p95 of the {len(after)} requests ≤ {AFTER_WRITE:g} s after "
                f"{len(writes)} writes",
                _p95(after),
                GOAL_MS,
                unit=" ms",
            ),
            flush=True,
        )
    if errors:
        print(goal_line(f"{label}: errors", len(errors), 0, unit=""), flush=True)


def gunicorn_config() -> str:
    """The recommended configuration's main settings, in words."""
    import runpy

    config = runpy.run_path(str(CONFIG))
    return (
        f"gunicorn -c {CONFIG.name}: {config['workers']} {config['worker_class']} workers "
        f"({os.cpu_count()} cores), timeout {config['timeout']} s"
        + (", preloaded" if config.get("preload_app") else "")
    )


def _serve(label: str, database_url: str) -> None:
    with tempfile.TemporaryDirectory(prefix="cbs-bench-load-") as folder:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": f"{folder}/static",
            "DJANGO_SETTINGS_MODULE": "cbs_reports.settings",
        }
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "load_demo")
        _manage(env, "collectstatic", "--noinput", "-v0")
        key = _manage(env, "shell", "-c", LOGIN, capture=True).split()[-1]
        cookie = f"sessionid={key}"
        port = _free_port()
        gunicorn = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", str(CONFIG),
             "--bind", f"127.0.0.1:{port}", "cbs_reports.wsgi"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_for(port)
            # Each worker's first request imports and compiles what the rest reuse.
            _client(port, cookie, time.monotonic() + 5, [], [])
            print(f"{label}: {CLIENTS} clients for {SECONDS:.0f} s on {URL}; {gunicorn_config()}")
            _phase(f"{label} warm", port, cookie, env, write=False)
            _phase(f"{label} cold (a write every {WRITE_EVERY:g} s)", port, cookie, env, True)
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)


def _postgres(url: str):
    """A throw-away database beside DATABASE_URL's: (its URL, a function dropping it)."""
    import psycopg2

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_bench"
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username,
        password=parts.password, dbname="postgres",
    )  # fmt: skip
    admin.autocommit = True

    def drop():
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')

    drop()
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), drop


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="cbs-bench-sqlite-") as folder:
        _serve("SQLite", f"sqlite:///{folder}/bench.sqlite3")
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        bench_url, drop = _postgres(url)
        try:
            _serve("PostgreSQL", bench_url)
        finally:
            drop()
    else:
        print("PostgreSQL: skipped (DATABASE_URL is not a postgres:// URL)")
