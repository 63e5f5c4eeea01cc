"""Page latency of the director's dashboard: on the demo, and on a generated data set.

Each page is requested N times through Django's test Client (the whole stack:
middleware, queries, templates), after one warm-up request; the median and the
95th percentile are printed with the page's query count and a few of its figures.
«uncached»: the organization's data version moves before each request, so every
request computes the page afresh (what the first request after a write costs).
The timed requests render templates without the test environment's
instrumentation (which copies every template context and would inflate them).
"""

import contextlib
import statistics
import time

from django.core.management import call_command
from django.db import connection
from django.template import Template
from django.test import Client
from django.test import utils as test_utils

REQUESTS = 30
GENERATED = {"organizations": 3, "libraries": 25, "years": 5}


def _director(organization):
    from django.contrib.auth import get_user_model

    from branches.models import StaffProfile
    from branches.scoping import DIRECTOR, ensure_groups

    user, _ = get_user_model().objects.get_or_create(username=f"bench-{organization.code}")
    user.groups.set([ensure_groups()[DIRECTOR]])
    StaffProfile.objects.update_or_create(user=user, defaults={"organization": organization})
    return user


@contextlib.contextmanager
def _plain_templates():
    saved = getattr(test_utils._TestState, "saved_data", None)
    instrumented = Template._render
    if saved is not None:
        Template._render = saved.template_render
    try:
        yield
    finally:
        Template._render = instrumented


def _time(client: Client, url: str, uncached=None) -> tuple[list[float], int, object]:
    """`uncached`: an organization whose data version moves before each request."""
    from datacache.version import data_changed

    def get():
        if uncached is not None:
            data_changed(uncached.pk)
        return client.get(url)

    response = get()  # warm-up, and the context for the figures printed
    assert response.status_code == 200, (url, response.status_code)
    queries = []
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        get()
    timings = []
    with _plain_templates():
        for _ in range(REQUESTS):
            started = time.perf_counter()
            get()
            timings.append((time.perf_counter() - started) * 1000)
    return timings, len(queries), response


def _report(label: str, url: str, timings: list[float], queries: int, response) -> None:
    ordered = sorted(timings)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(
        f"{label:<44} {url:<34} median {statistics.median(ordered):7.1f} ms"
        f"   p95 {p95:7.1f} ms   {queries} queries"
    )
    context = response.context
    if context and context.get("cards"):
        figures = ", ".join(
            f"{c.key}={round(c.value, 1) if c.places else c.value}" for c in context["cards"][:6]
        )
        print(f"{'':<44} {context['span'].code}: {figures}")


def run() -> None:
    from branches.models import Library, Organization
    from demo.generate import generate

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    demo = Organization.objects.get(code="balkhash")
    client = Client()
    client.force_login(_director(demo))
    print(f"{REQUESTS} requests per page after one warm-up")
    for url in ("/dashboard/", "/dashboard/library/f4/", "/dashboard/completeness/"):
        _report("demo (9 libraries, H1 2021)", url, *_time(client, url))
    _report("demo uncached", "/dashboard/", *_time(client, "/dashboard/", uncached=demo))

    started = time.perf_counter()
    result = generate(**GENERATED, prefix="bench")
    seconds = time.perf_counter() - started
    org = result.organizations[0]
    libraries = Library.objects.filter(organization=org).count()
    print(
        f"generated {result.rows} rows in {seconds:.1f} s: {GENERATED['organizations']} "
        f"organizations x {GENERATED['libraries']} libraries x {GENERATED['years']} years"
    )
    client.force_login(_director(org))
    label = f"generated ({libraries} libraries, {GENERATED['years']} years)"
    for url in ("/dashboard/", "/dashboard/?period=2022", "/dashboard/library/l3/"):
        _report(label, url, *_time(client, url))
    _report(f"{label} uncached", "/dashboard/", *_time(client, "/dashboard/", uncached=org))
