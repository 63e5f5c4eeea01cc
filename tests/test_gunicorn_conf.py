"""The recommended gunicorn configuration is one file: the README's deploy steps
and the load benchmark both use it, so what is measured is what is deployed."""

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_configuration_loads_with_workers_for_the_cores(monkeypatch):
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 2)
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert (config["workers"], config["worker_class"], config["timeout"]) == (5, "sync", 30)
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"] == 3


def test_the_readme_and_the_bench_use_it():
    from bench import bench_load

    assert bench_load.CONFIG == ROOT / "gunicorn.conf.py"
    assert "gunicorn -c gunicorn.conf.py cbs_reports.wsgi" in (ROOT / "README.md").read_text()


def test_the_master_warms_up_what_each_worker_would_load_on_its_first_requests():
    """A new worker (one is replaced every `max_requests`) forks from a master that has
    the catalogues, templates and URL patterns loaded, so its first user does not wait
    for them; and the master opens no database connection a fork would share."""
    from types import SimpleNamespace

    from django.template import engines
    from django.urls import clear_url_caches, get_resolver

    from cbs_reports.warmup import template_names

    names = template_names()
    assert {"base.html", "dashboard/index.html", "dashboard/index_body.html"} <= set(names)
    assert not any(name.startswith("import_export/") for name in names)  # the packages' own

    loader = engines["django"].engine.template_loaders[0]
    loader.reset()  # what earlier tests loaded is forgotten, as in a fresh master
    clear_url_caches()
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    # No django_db mark: pytest-django fails any database access here.
    config["when_ready"](SimpleNamespace(cfg=SimpleNamespace(preload_app=True), log=None))
    assert "dashboard/index_body.html" in loader.get_template_cache
    resolver = get_resolver()
    assert {"ru", "kk"} <= set(resolver._reverse_dict)


def test_a_failing_warm_up_does_not_keep_the_server_from_starting(monkeypatch):
    from types import SimpleNamespace

    import cbs_reports.warmup

    def broken():
        raise RuntimeError("a template the warm-up could not load")

    monkeypatch.setattr(cbs_reports.warmup, "warm_up", broken)
    logged = []
    log = SimpleNamespace(exception=lambda message: logged.append(message))
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config["when_ready"](SimpleNamespace(cfg=SimpleNamespace(preload_app=True), log=log))
    assert logged and "warm-up failed" in logged[0]
