"""gunicorn's configuration for production, read by `gunicorn -c gunicorn.conf.py
cbs_reports.wsgi` (README, «Deploying») and by the load benchmark (bench/bench_load.py),
so what is measured is what is recommended.

Sync workers, twice the cores plus one: a request is mostly Python (the GIL),
so threads in one process would queue for it, while a few processes more than
cores keep the cores busy when a worker waits for the database or the cache.
Behind nginx (which buffers slow clients) sync workers need no keep-alive.
Every setting can be overridden on the command line or by GUNICORN_CMD_ARGS.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A page that takes longer than this is killed and the user sees an error page; the
# long jobs (imports, large reports) run as background tasks, not in a request.
timeout = 30
graceful_timeout = 30
# Each worker is replaced after this many requests (with jitter, not all at once):
# whatever memory a worker gathered is returned.
max_requests = 2000
max_requests_jitter = 200
# The application is imported once, before the workers are forked: they start at
# once and share its memory. (Django opens no database connection at import.)
preload_app = True


def when_ready(server):
    """With the application preloaded, load in the master what each worker would load on
    its first requests (cbs_reports.warmup): the forked workers start warm."""
    if server.cfg.preload_app:
        _warm_up(server.log)


def post_worker_init(worker):
    """Without preloading, each worker warms itself up before its first request."""
    if not worker.cfg.preload_app:
        _warm_up(worker.log)


def _warm_up(log):
    # Only a speed-up: whatever fails here is loaded again on the first request that
    # needs it, so it must never keep the server from starting.
    try:
        from cbs_reports.warmup import warm_up

        warm_up()
    except Exception:
        log.exception("warm-up failed; the workers load what they need on first use")
