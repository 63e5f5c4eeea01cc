"""The methodologist words an item in place on the report's page, in headless Chromium:
the block opens, the wording is typed and saved, the page comes back to that item with
the wording kept, and no Content-Security-Policy violation on the way."""

import os

import pytest
from django.contrib.auth import get_user_model

from tests.browser import log_in, wait
from tests.test_browser_csp import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_methodologist_words_an_item_on_the_report_page(live_server, browser, demo_written):
    from selenium.webdriver.common.by import By

    from events.models import Event
    from reports.models import Report

    report = Report.objects.get()
    event = Event.objects.get(title="викторина «Угадай, что за книга?»")
    assert event.wording_ru == ""
    # By the session's cookie (the login form is not this test's), in a window as wide as
    # before the page is laid out, not after.
    log_in(browser, live_server.url, get_user_model().objects.get(username="methodist"))
    browser.set_window_size(1400, 1000)
    browser.get(f"{live_server.url}/admin/reports/report/{report.pk}/change/")
    # The block starts closed; its link in the page's contents opens it.
    if os.environ.get("SCREENSHOTS"):
        browser.save_screenshot(os.environ["SCREENSHOTS"].replace(".png", "-closed.png"))
    browser.find_element(By.CSS_SELECTOR, ".report-toc a[href='#wordings']").click()
    wait(browser, 5).until(
        lambda d: d.find_element(By.ID, f"wording-event-{event.pk}").is_displayed()
    )
    row = browser.find_element(By.ID, f"wording-event-{event.pk}")
    assert "викторина «Угадай, что за книга?» (ф№2)" in row.text
    said = "В библиотеке-филиале №2 прошла викторина «Угадай, что за книга?»"
    row.find_element(By.NAME, "wording_ru").send_keys(said)
    if os.environ.get("SCREENSHOTS"):
        browser.execute_script("arguments[0].scrollIntoView()", row)
        browser.save_screenshot(os.environ["SCREENSHOTS"])
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser, 15).until(lambda d: f"#wording-event-{event.pk}" in d.current_url)
    event.refresh_from_db()
    assert event.wording_ru == said
    row = browser.find_element(By.ID, f"wording-event-{event.pk}")
    assert row.find_element(By.NAME, "wording_ru").get_attribute("value") == said
    assert "Формулировка сохранена" in browser.find_element(By.CSS_SELECTOR, ".messagelist").text
    assert _violations(browser) == []
