"""The demo can show letters and deadlines: its users have addresses, its half-years
due dates, `load_demo --hand-in` leaves one library overdue, and letters can be
written as files where `make demo` says."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from branches.models import HandIn

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.django_db
def test_demo_users_have_addresses(demo):
    users = get_user_model().objects.filter(staff_profile__organization=demo)
    assert users.count() == 11
    assert users.get(username="methodist").email == "methodist@demo.cbs.kz"
    assert all(user.email == f"{user.username}@demo.cbs.kz" for user in users)


@pytest.mark.django_db
def test_demo_half_years_have_due_dates(demo):
    for period in demo.periods.all():
        assert period.libraries_due is not None
        assert period.organization_due is not None
        assert period.libraries_due <= period.organization_due


@pytest.mark.django_db
def test_hand_in_leaves_one_library_overdue_and_writes_letters(
    client, demo, demo_period, tmp_path, django_capture_on_commit_callbacks
):
    backend = "django.core.mail.backends.filebased.EmailBackend"
    with (
        override_settings(EMAIL_BACKEND=backend, EMAIL_FILE_PATH=str(tmp_path)),
        django_capture_on_commit_callbacks(execute=True),  # letters go after the commit
    ):
        call_command("load_demo", "--hand-in", stdout=open(os.devnull, "w"))
    states = dict(HandIn.objects.filter(period=demo_period).values_list("library__code", "state"))
    assert states.pop("f4", HandIn.State.DRAFT) == HandIn.State.DRAFT
    assert set(states.values()) == {HandIn.State.SUBMITTED} and len(states) == 8
    # The methodologist's letters about the hand-ins are files in the mail folder.
    # (The file backend appends letters sent within one second to the same file.)
    written = "".join(path.read_text() for path in sorted(tmp_path.iterdir()))
    assert written.count("Message-ID:") == 8
    assert written.count("To: methodist@demo.cbs.kz") == 8

    client.force_login(get_user_model().objects.get(username="methodist"))
    page = client.get("/").content.decode()
    overdue_rows = re.findall(r'<tr id="library-(\w+)" class="[^"]* overdue"', page)
    assert overdue_rows == ["f4"]
    assert "просрочено" in page
    assert not mail.outbox  # nothing went to the test backend meanwhile


def test_email_backend_comes_from_the_environment(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"EMAIL_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cbs_reports.settings",
        DEBUG="true",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    code = (
        "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "django.core.mail.backends.filebased.EmailBackend",
        str(tmp_path / "mail"),
    ]
