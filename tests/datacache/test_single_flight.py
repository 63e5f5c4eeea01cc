"""Right after a write every open dashboard asks for the same figures at once:
one request computes them, the others wait for its result; a waiter whose
computer gave up without a result computes itself."""

import threading
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from datacache.cached import cached, current_figures
from datacache.version import data_changed

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
KEY = "cbs:figures:test:1:v:abc"


@pytest.fixture(autouse=True)
def shared_memory_cache():
    with override_settings(CACHES=LOCMEM):
        cache.clear()
        yield
        cache.clear()


def by_key(compute):
    return cached(KEY, compute)


def by_version(compute):
    return current_figures(1, "test", ("x",), compute)


@pytest.mark.parametrize("ask", [by_key, by_version])
def test_a_second_asker_waits_for_the_first_ones_result(ask):
    computed = []

    def slow():
        computed.append(threading.current_thread().name)
        time.sleep(0.3)
        return 42

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(ask(slow)), name=f"asker-{n}")
        for n in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == [42] * 5
    assert len(computed) == 1, computed


def test_a_waiter_computes_itself_when_the_computer_gives_up():
    cache.add(f"{KEY}:computing", 1)  # another request is computing...
    # Started before the timer: the timer's 0.1 s may begin counting before start()
    # returns, and a clock read after it measured 0.095 s on a loaded machine.
    started = time.monotonic()
    threading.Timer(0.1, cache.delete, [f"{KEY}:computing"]).start()  # ...and fails
    assert cached(KEY, lambda: 7) == 7
    assert 0.1 <= time.monotonic() - started < 2


def test_an_error_while_computing_releases_the_lock():
    with pytest.raises(ZeroDivisionError):
        cached(KEY, lambda: 1 / 0)
    assert cache.get(f"{KEY}:computing") is None
    assert cached(KEY, lambda: 3) == 3


@pytest.mark.django_db
def test_current_figures_are_computed_again_after_a_write():
    assert by_version(lambda: 1) == 1
    assert by_version(lambda: 2) == 1  # current: not computed
    data_changed(1)
    assert by_version(lambda: 3) == 3
    data_changed(2)  # another organization's write
    assert by_version(lambda: 4) == 3
    data_changed(None)  # a shared list
    assert by_version(lambda: 5) == 5


@pytest.mark.django_db
def test_while_one_computes_the_others_get_the_previous_figures_at_once():
    from datacache.cached import current_or_previous_figures

    def ask(compute):
        return current_or_previous_figures(1, "test", ("x",), compute)

    assert ask(lambda: "before") == ("before", True)
    data_changed(1)
    computing = threading.Event()
    release = threading.Event()

    def slow():
        computing.set()
        release.wait(5)
        return "after"

    computer = []
    thread = threading.Thread(target=lambda: computer.append(ask(slow)))
    thread.start()
    assert computing.wait(5)
    started = time.monotonic()
    assert ask(lambda: pytest.fail("computed twice")) == ("before", False)
    assert time.monotonic() - started < 0.2  # answered without waiting
    release.set()
    thread.join(5)
    assert computer == [("after", True)]
    assert ask(lambda: "again") == ("after", True)


@pytest.mark.django_db
def test_with_nothing_computed_before_the_others_wait_for_the_first():
    from datacache.cached import current_or_previous_figures

    results = []

    def slow():
        time.sleep(0.3)
        return 42

    threads = [
        threading.Thread(
            target=lambda: results.append(current_or_previous_figures(1, "t", (), slow))
        )
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == [(42, True)] * 3
