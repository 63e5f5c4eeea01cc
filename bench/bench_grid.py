"""Saving a full month of the work log from the month grid, on the demo.

A demo librarian posts her library's whole month (31 days × every figure and the
note) to `/log/<library>/<YYYY-MM>/` through Django's test Client (the whole stack:
middleware, scoping, the data-layer guard, history): first as new days, then
changed. Printed: the median and the slowest of each, against the goal of 300 ms
server time, and the queries of a save (they do not grow with the days:
tests/indicators/test_grid.py asserts it).
"""

import statistics
import time
from urllib.parse import urlencode

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.goals import goal_line

GOAL_MS = 300.0
ROUNDS = 10
LIBRARY = "f4"
MONTH = (2021, 10)
FORM = "application/x-www-form-urlencoded"  # a month of the demo's open second half-year


def _month(visits: int) -> dict:
    from indicators.grid import month_days
    from indicators.models.worklog import COUNT_FIELDS

    data = {"span": "day"}
    for day in month_days(*MONTH):
        n = day.day
        figures = dict.fromkeys(COUNT_FIELDS, 1)
        figures.update(users=9, visits=visits + n, loans=40 + n, loans_kk=10, loans_books=20)
        data.update({f"{name}-{n}": str(value) for name, value in figures.items()})
        data[f"note-{n}"] = f"день {n}"
    return data


def _save(client, url, data) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        # As the page's form posts it (urlencoded, the form's default), not multipart.
        response = client.post(url, urlencode(data), content_type=FORM)
        took = (time.perf_counter() - started) * 1000
    assert response.status_code == 302, (response.status_code, response.content[:500])
    return took, len(queries)


def run() -> None:
    from django.contrib.auth import get_user_model

    from indicators.models import WorkLogEntry

    call_command("load_demo", verbosity=0)
    client = Client()
    client.force_login(get_user_model().objects.get(username=f"librarian-{LIBRARY}"))
    url = f"/log/{LIBRARY}/{MONTH[0]:04d}-{MONTH[1]:02d}/"
    added, changed, queries = [], [], set()
    for round_ in range(ROUNDS):
        WorkLogEntry.objects.filter(
            library__code=LIBRARY, date__year=MONTH[0], date__month=MONTH[1]
        ).delete()
        took, count = _save(client, url, _month(visits=100))
        added.append(took)
        queries.add(count)
        took, count = _save(client, url, _month(visits=200 + round_))
        changed.append(took)
        queries.add(count)
    for label, timings in (("a new month", added), ("visits of every day changed", changed)):
        print(
            goal_line(f"grid: save 31 days × 13 figures, {label}: median", statistics.median(timings),
                      GOAL_MS, " ms"),
            flush=True,
        )  # fmt: skip
        print(goal_line(f"grid: save, {label}: slowest", max(timings), GOAL_MS, " ms"), flush=True)
    print(f"grid: queries a save: {sorted(queries)}", flush=True)
