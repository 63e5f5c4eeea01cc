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
