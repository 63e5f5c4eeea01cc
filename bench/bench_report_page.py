"""The report's admin page on the demo: how long the server takes to open it, to save a
narrative text and to approve the report (issue 24: 1.2–1.4 s each; goal ≤ 300 ms).

Each figure is the server's time for one request through Django's test client (the
middleware, the view, the template, SQLite in the same process), as the methodologist
meets it:

- open: the page right after a write (the report is built afresh: the figures cache
  holds nothing for the new data version), and opened again (from the cache);
- save: one section's text changed and «Сохранить» (the redirect, not the next page);
- approve: the confirmed «Утвердить и зафиксировать» of a submitted report whose page
  was open (the snapshot in both languages, the period's lock), and the page after it.

Every run is a fresh process on a fresh copy of the demo database (an approval cannot
be repeated); the best of RUNS is kept, as a shared machine's noise only ever adds
time. The goal is judged on the process's CPU time (SQLite runs in the process, so it
is the server's whole work); the wall time is printed beside it.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.goals import goal_line

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 300
RUNS = int(os.environ.get("BENCH_REPORT_PAGE_RUNS", "3"))
STEPS = (
    ("open", "открыть"),
    ("open_again", "открыть снова"),
    ("open_kk", "открыть на каз."),
    ("save", "сохранить"),
    ("approve", "утвердить"),
    ("open_approved", "открыть утверждённый"),
)


def measure() -> dict:
    """In a process with Django set up on the demo database: each step's
    (wall ms, cpu ms, queries)."""
    import time

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from branches.handins import HandIn
    from branches.models import Library
    from reports.models import Report, SectionText

    report = Report.objects.select_related("period").get(
        organization__code="balkhash", period__year=2021, period__half=1
    )
    client = Client()
    client.force_login(get_user_model().objects.get(username="methodist"))
    page = reverse("admin:reports_report_change", args=[report.pk])
    results = {}

    def timed(step, call, expected):
        with CaptureQueriesContext(connection) as queries:
            wall, cpu = time.perf_counter(), time.process_time()
            response = call()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert response.status_code == expected, (step, response.status_code)
        results[step] = (wall * 1000, cpu * 1000, len(queries))

    def touch():
        """A write to the organization's data: the next page is built afresh."""
        text = SectionText.objects.filter(report=report).first()
        text.text_kk = f"{text.text_kk} "
        text.save()

    client.get(page)  # Python's and Django's first-request costs are no page's
    touch()
    timed("open", lambda: client.get(page), 200)
    timed("open_again", lambda: client.get(page), 200)
    touch()
    timed("open_kk", lambda: client.get(page + "?language=kk"), 200)
    form = {"untranslated": report.untranslated}
    texts = {t.section: t for t in report.texts.all()}
    for text in texts.values():
        for name in ("text_ru", "text_kk", "text_after_ru", "text_after_kk"):
            place, language = name.rsplit("_", 1)
            form[f"{place}_{language}__{text.section}"] = getattr(text, name)
    changed = next(iter(texts.values()))
    form[f"text_kk__{changed.section}"] = "Бөлімнің қазақша мәтіні."
    timed("save", lambda: client.post(page, form), 302)
    for library in Library.objects.filter(organization_id=report.organization_id):
        HandIn.objects.update_or_create(
            library=library, period=report.period, defaults={"state": HandIn.State.ACCEPTED}
        )
    status = reverse("admin:reports_report_status", args=[report.pk, "submitted"])
    assert client.post(status).status_code == 302
    client.get(page)  # the methodologist approves from the report's page
    approve = reverse("admin:reports_report_status", args=[report.pk, "approved"])
    timed("approve", lambda: client.post(approve, {"confirmed": "yes"}), 302)
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED, report.status
    timed("open_approved", lambda: client.get(page), 200)
    return results


def _run_once(env: dict, demo: Path, folder: str) -> dict:
    database = Path(folder) / "run.sqlite3"
    shutil.copy(demo, database)
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "import json; from bench.bench_report_page import measure; "
         "print('RESULT', json.dumps(measure()))"],
        cwd=ROOT, env={**env, "DATABASE_URL": f"sqlite:///{database}"},
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    line = next(line for line in output.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="cbs-bench-report-page-") as folder:
        demo = Path(folder) / "demo.sqlite3"
        env = {
            **os.environ,
            "DEBUG": "true",
            "ALLOWED_HOSTS": "testserver",
            "DJANGO_SETTINGS_MODULE": "cbs_reports.settings",
        }
        for step in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_demo"]):
            subprocess.run(
                [sys.executable, "manage.py", *step],
                cwd=ROOT, env={**env, "DATABASE_URL": f"sqlite:///{demo}"},
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        runs = [_run_once(env, demo, folder) for _ in range(RUNS)]
        for step, label in STEPS:
            wall = min(r[step][0] for r in runs)
            cpu = min(r[step][1] for r in runs)
            queries = min(r[step][2] for r in runs)
            line = f"страница отчёта, {label}: {wall:.0f} мс, запросов {queries}"
            print(goal_line(line, cpu, GOAL_MS, " мс CPU"), flush=True)
