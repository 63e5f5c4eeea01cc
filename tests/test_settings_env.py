"""Settings come from the environment and refuse bad values at start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_check(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    env["DJANGO_SETTINGS_MODULE"] = "cbs_reports.settings"
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key_in_production():
    result = run_check(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_the_wsgi_server_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", "import cbs_reports.wsgi"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_command_typed_without_any_settings_runs_as_local_development():
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be true or false"),
        (
            "DATABASE_URL",
            "mysql://x@localhost/db",
            "DATABASE_URL must point at SQLite or PostgreSQL",
        ),
        ("CSRF_TRUSTED_ORIGINS", "example.org", "CSRF_TRUSTED_ORIGINS entries need a scheme"),
    ],
)
def test_it_fails_clearly_on_a_bad_value(name, value, message):
    result = run_check(**{"DEBUG": "true", name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_check(
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x7!k2@p9#q4$w8%e1^r6&t3*y5(u0)i-o_p+a=s;d:f,g.h/j?k~l`z|x",
        ALLOWED_HOSTS="reports.example.kz",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_collectstatic_for_production_succeeds(tmp_path):
    """Step 3 of the README's deployment: the manifest storage refuses any file that
    references a missing one (a vendored script's source map, say)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cbs_reports.settings",
        DEBUG="false",
        SECRET_KEY="x7!k2@p9#q4$w8%e1^r6&t3*y5(u0)i-o_p+a=s;d:f,g.h/j?k~l`z|x",
        STATIC_ROOT=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert list(tmp_path.glob("vendor/chartjs/chart.umd.min.*.js"))


def test_an_import_limit_that_is_no_positive_number_stops_the_start():
    result = run_check(DEBUG="true", DATAIO_MAX_ROWS="lots")
    assert result.returncode != 0
    assert "DATAIO_MAX_ROWS must be a positive whole number" in result.stderr
