"""The pages in headless Chromium under the Content-Security-Policy: not one
violation in the console, and the language switch (no longer an inline
handler) still switches. Skips where Chromium or chromedriver is missing."""

import pytest

from tests.browser import wait

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _violations(driver) -> list[str]:
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"]
        or "Content-Security-Policy" in entry["message"]
    ]


def _job_pages(report) -> list[str]:
    """An import job's page while the worker runs (a progress bar, a refresh) and when
    checked; a report file's page while it is written."""
    from django.contrib.auth import get_user_model

    from dataio.models import ImportJob
    from reports.models import ReportFile

    user = get_user_model().objects.get(username="methodist")
    running = ImportJob.objects.create(
        user=user, model="events.event", file_name="e.xlsx", stored_name="none",
        state=ImportJob.State.CHECKING, rows_total=100,
    )  # fmt: skip
    ready = ImportJob.objects.create(
        user=user, model="events.event", file_name="e.xlsx", stored_name="none",
        state=ImportJob.State.READY, rows_total=1,
        result={"headers": ["Название"], "rows": 1, "new": 1, "shown": [{"type": "new", "values": ["В"]}]},
    )  # fmt: skip
    pages = [f"/admin/events/event/import/{job.pk}/" for job in (running, ready)]
    if report is not None:
        file = ReportFile.objects.create(report=report, user=user, fmt="docx", language="ru")
        pages.append(f"/admin/reports/report/{report.pk}/file/{file.pk}/")
    return pages


def test_no_page_breaks_the_content_security_policy(live_server, browser, demo_written):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from events.models import Event
    from reports.models import Report

    event = Event.objects.order_by("pk").first()
    report = Report.objects.order_by("pk").first()
    browser.get(f"{live_server.url}/accounts/login/")
    assert _violations(browser) == []
    browser.find_element(By.ID, "id_username").send_keys("methodist")
    browser.find_element(By.ID, "id_password").send_keys("demo")
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    # The methodologist lands on her ЦБС overview at «/».
    wait(browser, 15).until(lambda d: "/accounts/login/" not in d.current_url)

    pages = [
        "/",
        "/dashboard/",
        "/dashboard/completeness/",
        "/admin/events/event/",
        "/admin/events/event/add/",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
        "/admin/events/event/import/",
        "/admin/events/event/export/",
        "/admin/branches/staffprofile/",
        "/admin/publications/publicationkind/",
        "/admin/reports/report/",
    ]
    if report is not None:
        pages.append(f"/admin/reports/report/{report.pk}/change/")
    pages += _job_pages(report)
    pages.append("/admin/")  # last: the language switch is tried on it, not loaded again
    found = {}
    for page in pages:
        browser.get(live_server.url + page)
        wait(browser, 15).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        violations = _violations(browser)
        if violations:
            found[page] = violations
    assert found == {}

    # The language switch, now a script file instead of onchange="…", still works.
    assert browser.current_url == live_server.url + "/admin/"
    Select(browser.find_element(By.ID, "language-select")).select_by_value("kk")
    wait(browser, 15).until(
        lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    )
    assert _violations(browser) == []
