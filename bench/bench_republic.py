"""A republic on PostgreSQL (issue 26, item 7): 20 regions, 200 ЦБС, 3,920 libraries
and a year of data (a work-log row per library and working day, ~160,000 events),
generated with bulk_create in a throw-away database created and dropped here.

Printed, each against its goal with its ratio (`bench.goals.goal_line`):
- a region's consolidated report, DOCX and XLSX (`build_report --region CODE`): ≤ 2 s;
- the republic's (`build_report --region kz`, the republic's code): ≤ 10 s;
- the region's dashboard under 20 clients at once (gunicorn, production settings): p95 ≤ 200 ms;
- a single generated ЦБС's report and dashboard against the demo's (Balkhash): ≤ 1.2×.
Times are wall-clock seconds inside one process (Django's start-up excluded: it is
the same for every command and `bench_report` measures it), the best of RUNS.
Then the plans (EXPLAIN ANALYZE) of the region dashboard's and the republic report's
slowest queries, the republic report's time in the database against its wall time, and
its rendering (DOCX, XLSX) apart: where the time goes on a machine shared with other work.

PostgreSQL: DATABASE_URL's server if it is a postgres:// URL, else the machine's
(postgres://postgres@127.0.0.1:5432/); not answering → skipped with a message.
`BENCH_REPUBLIC_SCALE=0.1` generates a tenth (2 regions) for a quick look.
`BENCH_REPUBLIC_KEEP=1` keeps the generated database after the run and, on the next run,
measures it again without generating it anew (the generation takes minutes); without it the
database is dropped before and after.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.goals import goal_line

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cbs"
SCALE = float(os.environ.get("BENCH_REPUBLIC_SCALE", "1"))
REGIONS = max(1, round(20 * SCALE))
CBS_PER_REGION = 10
LIBRARIES = 3920  # the republic's public libraries (Bureau of National Statistics, 2024)
EVENTS_PER_LIBRARY = 41  # ≈ 160,000 events a year in the republic
YEAR = 2020
RUNS = 3
CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("BENCH_REPUBLIC_SECONDS", "20"))
KEEP = os.environ.get("BENCH_REPUBLIC_KEEP", "") not in ("", "0")
GOALS = {"region_report": 2.0, "republic_report": 10.0, "dashboard_p95_ms": 200, "ratio": 1.2}


def library_counts(regions: int = REGIONS) -> list[list[int]]:
    """Libraries per ЦБС, region by region: 3,920 over 200 ЦБС (19 or 20 each)."""
    cbs = regions * CBS_PER_REGION
    libraries = round(LIBRARIES * regions / 20)
    base, extra = divmod(libraries, cbs)
    counts = [base + (1 if i < extra else 0) for i in range(cbs)]
    return [counts[r * CBS_PER_REGION : (r + 1) * CBS_PER_REGION] for r in range(regions)]


# ---- run inside the throw-away database (manage.py shell -c) --------------------


def generate_republic(regions: int) -> None:
    """The republic's regions and ЦБС (prefix rNN: r01-1 … r20-10) with a year of data."""
    from branches.models import Region, Republic
    from demo.generate import generate

    republic, _ = Republic.objects.get_or_create(
        code="kz", defaults={"name_ru": "Республика Казахстан", "name_kk": "Қазақстан Республикасы"}
    )
    started = time.perf_counter()
    rows = 0
    for number, counts in enumerate(library_counts(regions), start=1):
        code = f"r{number:02d}"
        region, _ = Region.objects.get_or_create(
            code=code, defaults={"republic": republic, "name_ru": f"Область №{number}"}
        )
        result = generate(
            organizations=len(counts), libraries=counts, years=1, first_year=YEAR, prefix=code,
            seed=number, region=region, daily=True, events_per_year=EVENTS_PER_LIBRARY,
        )  # fmt: skip
        rows += result.rows
        print(f"  {code}: {result.rows} rows, {time.perf_counter() - started:.0f} s", flush=True)
    print(json.dumps({"rows": rows, "seconds": time.perf_counter() - started}))


def _best(function) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def _report_seconds(folder: str, fmt: str, *scope: str, period: str) -> float | str:
    """Best wall time of `build_report` for a scope; a word when the command refuses."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    output = os.path.join(folder, f"{'-'.join(scope)}.{fmt}")
    try:
        return _best(
            lambda: call_command(
                "build_report", "--period", period, "--format", fmt, "--output", output, *scope,
                stdout=open(os.devnull, "w"),  # noqa: SIM115
            )
        )  # fmt: skip
    except (CommandError, SystemExit) as error:
        return f"не построен: {error}"
    except Exception as error:  # the bench goes on; the line says what failed
        return f"не построен: {type(error).__name__}: {error}"


def _pages_ms(pages, uncached: bool, rounds: int = 9) -> list[float]:
    """Median ms of each page of `pages` ([(client, url, organization ids)]), asked in turn
    round after round (the first round warms up): on a machine shared with other work a
    moment's load falls on every page alike, so their ratio holds where two runs one after
    the other would not. `uncached`: every member's data version moves before each request,
    so the body is computed afresh."""
    from datacache.version import data_changed

    def get(client, url, organization_ids):
        if uncached:
            for pk in organization_ids:
                data_changed(pk)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    timings = [[] for _ in pages]
    for round_ in range(rounds + 1):
        for page, timing in zip(pages, timings, strict=True):
            started = time.perf_counter()
            get(*page)
            if round_:
                timing.append((time.perf_counter() - started) * 1000)
    return [sorted(timing)[len(timing) // 2] for timing in timings]


def _page_ms(client, url: str, organization_ids: list[int], uncached: bool) -> float:
    [ms] = _pages_ms([(client, url, organization_ids)], uncached)
    return ms


def _user(username: str, role: str, **where):
    from django.contrib.auth import get_user_model

    from branches.models import StaffProfile
    from branches.scoping import ensure_groups

    user, _ = get_user_model().objects.get_or_create(username=username)
    user.groups.set([ensure_groups()[role]])
    StaffProfile.objects.update_or_create(user=user, defaults=where)
    return user


def measure(folder: str) -> None:
    """Every timing of the bench, printed as JSON for the parent process."""
    from django.test import Client

    from branches.models import Organization, Region
    from branches.scoping import DIRECTOR, REGION_MANAGEMENT

    result = {}
    demo = Organization.objects.get(code="balkhash")
    single = Organization.objects.filter(code="r01-1").first()
    region = Region.objects.get(code="r01")
    for fmt in ("docx", "xlsx"):
        result[f"demo_{fmt}"] = _report_seconds(
            folder, fmt, "--organization", "balkhash", period="2021-H1"
        )
        result[f"single_{fmt}"] = _report_seconds(
            folder, fmt, "--organization", single.code, period=f"{YEAR}-H1"
        )
        result[f"region_{fmt}"] = _report_seconds(
            folder, fmt, "--region", region.code, period=str(YEAR)
        )
        result[f"republic_{fmt}"] = _report_seconds(folder, fmt, "--region", "kz", period=str(YEAR))
    demo_client, single_client, client = Client(), Client(), Client()
    demo_client.force_login(_user("bench-demo", DIRECTOR, organization=demo))
    single_client.force_login(_user("bench-single", DIRECTOR, organization=single))
    result["demo_dashboard_ms"], result["single_dashboard_ms"] = _pages_ms(
        [
            (demo_client, "/dashboard/?period=2021-H1", [demo.pk]),
            (single_client, f"/dashboard/?period={YEAR}-H1", [single.pk]),
        ],
        uncached=True,
    )
    members = list(Organization.objects.filter(region=region).values_list("pk", flat=True))
    client.force_login(_user("bench-region", REGION_MANAGEMENT, region=region))
    url = f"/dashboard/region/{region.code}/?period={YEAR}-H1"
    result["region_dashboard_uncached_ms"] = _page_ms(client, url, members, True)
    result["region_dashboard_cached_ms"] = _page_ms(client, url, members, False)
    print(json.dumps(result))


def _explain_slowest(label: str, build, count: int) -> None:
    """Run `build()`, print its queries' time against its wall time, and EXPLAIN ANALYZE
    the `count` slowest: where the time goes (the database, or Python)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as captured:
        build()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    in_database = sum(float(q["time"]) for q in queries)
    # The process's CPU time is Python's share, whatever else the machine runs (a loaded
    # machine stretches the wall time, not the CPU time).
    print(
        f"{label}: {len(queries)} queries, {in_database:.2f} s of {wall:.2f} s in the "
        f"database, {cpu:.2f} s CPU in Python (load average {os.getloadavg()[0]:.1f}); "
        "the slowest:"
    )
    with connection.cursor() as cursor:
        for query in queries[:count]:
            print(f"-- {float(query['time']) * 1000:.1f} ms: {query['sql'][:300]}")
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            for (line,) in cursor.fetchall():
                print(f"   {line}")


def explain() -> None:
    """The plans of the region dashboard's and the republic report's slowest queries, and
    the republic report's rendering time."""
    from branches.models import Region, Republic
    from dashboard.region_views import _body
    from reports.region_report import region_report_build
    from reports.renderers.docx import render_docx
    from reports.renderers.xlsx import render_xlsx

    region = Region.objects.get(code="r01")
    _explain_slowest("region dashboard body", lambda: _body(region, f"{YEAR}-H1"), 5)
    republic = Republic.objects.get(code="kz")
    built = []
    _explain_slowest(
        "republic report data",
        lambda: built.append(region_report_build(scope=republic, code=str(YEAR), language="ru")),
        3,
    )
    # The rest of the report's time: its data printed as DOCX and XLSX (no query).
    for fmt, render in (("DOCX", render_docx), ("XLSX", render_xlsx)):
        started, cpu = time.perf_counter(), time.process_time()
        render(built[0])
        print(
            f"republic report rendered as {fmt}: {time.perf_counter() - started:.2f} s, "
            f"{time.process_time() - cpu:.2f} s CPU"
        )


# ---- the parent process -----------------------------------------------------------


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_URL


def _admin_connection(url: str):
    import psycopg2

    parts = urlsplit(url)
    connection = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username,
        password=parts.password, dbname="postgres", connect_timeout=3,
    )  # fmt: skip
    connection.autocommit = True
    return connection


def _manage(env, *args, capture=False) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )  # fmt: skip
    return done.stdout or ""


def _shell(env, code: str, echo: bool = False) -> dict:
    """Run `code` in a manage.py shell; its last line is JSON (earlier lines echoed)."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE,
    )  # fmt: skip
    last = ""
    for line in process.stdout:
        if echo and not line.startswith("{"):
            print(line, end="", flush=True)
        last = line if line.strip() else last
    if process.wait() != 0:
        raise RuntimeError(f"manage.py shell failed: {code}")
    return json.loads(last) if last.startswith("{") else {}


def _seconds_line(label: str, value, goal: float, unit: str = " s") -> str:
    if isinstance(value, str):
        return f"{label:<58} {value}"
    return goal_line(label, value, goal, unit=unit) + f"  (отношение к цели {value / goal:.2f})"


def _ratio_line(label: str, value, demo) -> str:
    if isinstance(value, str) or isinstance(demo, str):
        return f"{label:<58} {value if isinstance(value, str) else demo}"
    return goal_line(f"{label} ({value:.2f} vs demo {demo:.2f})", value / demo, GOALS["ratio"])


def _under_load(port: int, cookie: str, url: str) -> tuple[list[float], list]:
    """CLIENTS clients asking `url` at once for SECONDS s (after a few seconds' warm-up)."""
    from bench import bench_load

    bench_load._client(port, cookie, time.monotonic() + 5, [], [], url=url)
    timings, errors = [], []
    deadline = time.monotonic() + SECONDS
    threads = [
        threading.Thread(
            target=bench_load._client,
            args=(port, cookie, deadline, timings, errors),
            kwargs={"url": url},
        )
        for _ in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(SECONDS + 60)
    return timings, errors


def _load(env, region_code: str) -> None:
    """The region's dashboard under CLIENTS clients for SECONDS s through gunicorn, and
    the demo ЦБС's dashboard the same way beside it: on a machine shared with other
    work the ЦБС's page says what the same load costs a page already known to be fast."""
    from bench import bench_load

    def cookie_of(username: str) -> str:
        login = bench_load.LOGIN.replace('username="director"', f'username="{username}"')
        return "sessionid=" + _manage(env, "shell", "-c", login, capture=True).split()[-1]

    port = bench_load._free_port()
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", str(bench_load.CONFIG),
         "--bind", f"127.0.0.1:{port}", "cbs_reports.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        bench_load.wait_for(port)
        pages = (
            ("region dashboard", "bench-region", f"/dashboard/region/{region_code}/?period={YEAR}-H1"),
            ("demo ЦБС dashboard (for comparison)", "director", "/dashboard/"),
        )  # fmt: skip
        for label, username, url in pages:
            timings, errors = _under_load(port, cookie_of(username), url)
            print(
                f"{label}, {CLIENTS} clients for {SECONDS:.0f} s: {len(timings)} requests, "
                f"{len(errors)} errors (load average {os.getloadavg()[0]:.1f})"
            )
            print(
                _seconds_line(
                    f"{label} p95", bench_load._p95(timings), GOALS["dashboard_p95_ms"], " ms"
                )
            )
        print(bench_load.gunicorn_config())
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def run() -> None:
    url = _server_url()
    try:
        admin = _admin_connection(url)
    except Exception as error:  # psycopg2 missing or the server not answering
        print(f"PostgreSQL недоступен ({url}): {type(error).__name__}; замер республики пропущен.")
        return
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'cbs'}_republic"

    def drop():
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')

    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        kept = KEEP and cursor.fetchone() is not None
    if not kept:
        drop()
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        with tempfile.TemporaryDirectory(prefix="cbs-bench-republic-") as folder:
            env = {
                **os.environ,
                "DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}")),
                "DEBUG": "false",
                "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
                "ALLOWED_HOSTS": "127.0.0.1,testserver",
                "SECURE_SSL_REDIRECT": "false",
                "SESSION_COOKIE_SECURE": "false",
                "STATIC_ROOT": f"{folder}/static",
                "DJANGO_SETTINGS_MODULE": "cbs_reports.settings",
            }
            _bench(env, folder, generated=kept and _generated(env))
    finally:
        if not KEEP:
            drop()
        admin.close()


def _generated(env) -> bool:
    """The kept database holds the generated republic (its last region is there)."""
    code = f"r{REGIONS:02d}"
    found = _shell(
        env,
        "import json; from branches.models import Organization; "
        f"print(json.dumps({{'found': Organization.objects.filter(code='{code}-{CBS_PER_REGION}')"
        ".exists()}))",
    )
    return bool(found.get("found"))


def _bench(env: dict, folder: str, generated: bool = False) -> None:
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "collectstatic", "--noinput", "-v0")
    if generated:
        print("the kept database holds the republic: measured without generating it again")
    else:
        _generate(env)
    got = _shell(env, f"from bench.bench_republic import measure; measure({folder!r})")
    _report(env, got)


def _generate(env: dict) -> None:
    _manage(env, "load_demo")
    print(
        f"generating {REGIONS} regions × {CBS_PER_REGION} ЦБС, "
        f"{sum(map(sum, library_counts()))} libraries, {YEAR}: daily work log, "
        f"~{EVENTS_PER_LIBRARY} events per library",
        flush=True,
    )
    made = _shell(
        env, f"from bench.bench_republic import generate_republic; generate_republic({REGIONS})",
        echo=True,
    )  # fmt: skip
    print(f"generated {made['rows']} rows in {made['seconds']:.0f} s", flush=True)
    _manage(
        env,
        "shell",
        "-c",
        "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')",
    )


def _report(env: dict, got: dict) -> None:
    for fmt in ("docx", "xlsx"):
        print(
            _seconds_line(
                f"region r01 report {fmt.upper()}", got[f"region_{fmt}"], GOALS["region_report"]
            )
        )
        print(
            _seconds_line(
                f"republic report {fmt.upper()}", got[f"republic_{fmt}"], GOALS["republic_report"]
            )
        )
        print(
            _ratio_line(
                f"single ЦБС report {fmt.upper()}, s", got[f"single_{fmt}"], got[f"demo_{fmt}"]
            )
        )
    print(
        _ratio_line(
            "single ЦБС dashboard (uncached), ms",
            got["single_dashboard_ms"],
            got["demo_dashboard_ms"],
        )
    )
    print(
        f"region dashboard, one client: uncached {got['region_dashboard_uncached_ms']:.0f} ms, "
        f"cached {got['region_dashboard_cached_ms']:.0f} ms"
    )
    _load(env, "r01")
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c",
         "from bench.bench_republic import explain; explain()"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
