"""Under the production settings every page carries the security headers:
Content-Security-Policy and Permissions-Policy besides Django's own."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

READ_HEADERS = """
import json, django
django.setup()
from django.test import Client, override_settings
# Only the static files' manifest is missing here (no collectstatic): plain storage.
plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
with override_settings(STORAGES={"default": plain, "staticfiles": plain}):
    response = Client().get("/accounts/login/", secure=True)
cookies = {name: dict(morsel) for name, morsel in response.cookies.items()}
print(json.dumps({"status": response.status_code, "headers": dict(response.headers),
                  "cookies": cookies}))
"""


@pytest.fixture(scope="module")
def production():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cbs_reports.settings",
        DEBUG="false",
        SECRET_KEY="a-production-like-secret-key-for-this-test-0123456789",
        ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(
        [sys.executable, "-c", READ_HEADERS],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_content_security_policy_allows_only_our_own_scripts_and_styles(production):
    assert production["status"] == 200
    policy = dict(
        part.strip().split(" ", 1)
        for part in production["headers"]["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"].startswith("'self'")
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"


def test_permissions_policy_turns_off_what_the_pages_never_use(production):
    value = production["headers"]["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in value


def test_djangos_own_headers_are_still_there(production):
    headers = production["headers"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert production["cookies"]["csrftoken"]["secure"] is True


def test_no_template_has_an_inline_handler_or_style():
    import re

    offenders = []
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"\son[a-z]+\s*=", r"\sstyle\s*=", r"<style(?![^>]*nonce)", r"<script>"):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert offenders == []
