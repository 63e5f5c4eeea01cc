"""The month grid in headless Chromium, as a librarian uses it: a week typed with the
keyboard only, three days pasted from an Excel block, a part above its total
flagged beside its cell, a reload before saving that offers the draft back, a save
that the admin list shows; at 1280 px and at 390 px (a day at a time), in Russian
and in Kazakh, with no Content-Security-Policy violation in the console.
Skips where Chromium or chromedriver is missing. Screenshots, where TEST_SCREENSHOTS asks
for them: test-output/grid-*.png.
"""

import datetime

import pytest
from django.utils import translation

from indicators.models import WorkLogEntry
from indicators.models.worklog import CHILDREN_YOUTH_ABOVE_USERS
from tests.browser import log_in, screenshot, wait
from tests.test_browser_csp import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASTED = "30\t10\t20\n40\t5\t30\n50\t0\t45\n"  # loans, in Kazakh, books: days 8–10


def _wait(driver, condition, seconds=15):
    return wait(driver, seconds).until(condition)


def _open_as(browser, live_server, user, language):
    log_in(browser, live_server.url, user, language)
    browser.get(f"{live_server.url}/log/")
    _wait(browser, lambda d: "/log/cgb/2021-06/" in d.current_url)


def _cell(browser, name):
    from selenium.webdriver.common.by import By

    return browser.find_element(By.NAME, name)


def _type(browser, *keys):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(*keys).perform()


def _paste(browser, name, text):
    """What Ctrl+V of a block copied from Excel delivers: a paste event with tab-separated rows."""
    browser.execute_script(
        "const cell = document.getElementsByName(arguments[0])[0]; cell.focus();"
        "const data = new DataTransfer(); data.setData('text/plain', arguments[1]);"
        "cell.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,"
        " cancelable: true}));",
        name,
        text,
    )


def _message_beside(browser, name) -> str:
    return browser.execute_script(
        "return document.getElementsByName(arguments[0])[0].parentNode"
        ".querySelector('.cell-msg').textContent;",
        name,
    )


def _asks_before_leaving(browser) -> bool:
    """Whether leaving now would ask first. WebDriver accepts a beforeunload prompt by
    itself, so the page's answer to the event is read instead of a dialog."""
    return browser.execute_script(
        "const event = new Event('beforeunload', {cancelable: true});"
        "window.dispatchEvent(event); return event.defaultPrevented;"
    )


def _reload_and_restore(browser):
    """Reload with cells unsaved (the page would ask first), then take the draft back."""
    from selenium.webdriver.common.by import By

    assert _asks_before_leaving(browser)
    browser.refresh()
    _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".draft-offer").is_displayed())
    browser.find_element(By.CSS_SELECTOR, '[data-draft="restore"]').click()


def _save_and_check(browser, live_server, language, days):
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "grid-save").click()
    saved = "Ай сақталды" if language == "kk" else "Месяц сохранён"
    _wait(browser, lambda d: saved in d.find_element(By.CSS_SELECTOR, ".messages").text)
    assert not browser.find_elements(By.CSS_SELECTOR, ".draft-offer:not([hidden])")
    browser.get(f"{live_server.url}/admin/indicators/worklogentry/")
    rows = browser.find_elements(By.CSS_SELECTOR, "#result_list tbody tr")
    assert len(rows) == len(days)
    assert sorted(WorkLogEntry.objects.values_list("date", flat=True)) == [
        datetime.date(2021, 6, d) for d in days
    ]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_month_typed_pasted_drafted_and_saved_at_a_desk(
    live_server,
    browser,
    librarian,
    period,
    language,
):
    from selenium.webdriver.common.keys import Keys

    _open_as(browser, live_server, librarian, language)
    # A week by keyboard only: visits of days 1–7 with Enter, then users and children of day 1.
    _cell(browser, "visits-1").click()
    for n in range(1, 8):
        _type(browser, str(10 + n), Keys.ENTER)
    _cell(browser, "users-1").click()
    _type(browser, "5", Keys.TAB, "9")
    with translation.override(language):
        expected = str(CHILDREN_YOUTH_ABOVE_USERS)
    _wait(browser, lambda d: _message_beside(d, "users_children-1") == expected)
    _type(browser, Keys.BACKSPACE, "2", Keys.ARROW_DOWN, "3")  # fixed; children of day 2
    assert _message_beside(browser, "users_children-1") == ""
    _cell(browser, "users-2").click()
    _type(browser, "4")
    _paste(browser, "loans-8", PASTED)
    assert [_cell(browser, f"loans_books-{d}").get_attribute("value") for d in (8, 9, 10)] == [
        "20", "30", "45",
    ]  # fmt: skip
    assert (
        browser.execute_script("return document.querySelector('[data-total=loans]').textContent")
        == "120"
    )
    screenshot(browser, f"grid-1280-{language}")

    _reload_and_restore(browser)
    assert _cell(browser, "visits-7").get_attribute("value") == "17"
    assert _cell(browser, "loans_kk-9").get_attribute("value") == "5"
    assert _violations(browser) == []
    _save_and_check(browser, live_server, language, days=range(1, 11))
    assert WorkLogEntry.objects.get(date=datetime.date(2021, 6, 1)).users_children == 2
    assert _violations(browser) == []


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_phone_shows_a_day_at_a_time_and_saves_as_it_goes(
    live_server,
    browser,
    librarian,
    period,
    language,
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(390, 844)
    _open_as(browser, live_server, librarian, language)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    wide = browser.execute_script(
        "return Array.from(document.querySelectorAll('body *')).filter("
        "e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.offsetParent)"
        ".map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 8);"
    )
    assert width <= browser.execute_script("return window.innerWidth"), wide  # no sideways scroll
    shown = browser.find_elements(By.CSS_SELECTOR, "tbody tr[data-day]")
    assert [row.get_attribute("data-day") for row in shown if row.is_displayed()] == ["1"]
    following = browser.find_element(By.CSS_SELECTOR, '[data-day-step="1"]')
    assert following.text.startswith("келесі күн" if language == "kk" else "следующий день")
    saved = "Ай сақталды" if language == "kk" else "Месяц сохранён"
    # A week: each day's visits typed, then «следующий день», which saves as it goes.
    for n in range(1, 8):
        _cell(browser, f"visits-{n}").click()
        _type(browser, str(20 + n))
        following.click()
        _wait(browser, lambda d: saved in d.find_element(By.CSS_SELECTOR, ".save-state").text)
    assert WorkLogEntry.objects.count() == 7
    # Day 8: a part above its total, beside its cell.
    _cell(browser, "users-8").click()
    _type(browser, "3", Keys.TAB, "7")
    with translation.override(language):
        expected = str(CHILDREN_YOUTH_ABOVE_USERS)
    _wait(browser, lambda d: _message_beside(d, "users_children-8") == expected)
    _type(browser, Keys.BACKSPACE, "1")
    _paste(browser, "loans-8", PASTED)
    screenshot(browser, f"grid-390-{language}")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    _reload_and_restore(browser)
    assert _cell(browser, "loans-10").get_attribute("value") == "50"
    assert _cell(browser, "users_children-8").get_attribute("value") == "1"
    assert _violations(browser) == []
    _save_and_check(browser, live_server, language, days=range(1, 11))
    assert _violations(browser) == []


def test_the_admin_change_form_asks_before_leaving_unsaved_changes(
    live_server,
    browser,
    librarian,
    period,
):
    from selenium.webdriver.common.by import By

    log_in(browser, live_server.url, librarian, "ru")  # the grid itself is not this test's
    browser.get(f"{live_server.url}/admin/indicators/worklogentry/add/")
    browser.find_element(By.NAME, "visits").click()  # a user's gesture, then a change
    browser.find_element(By.NAME, "visits").send_keys("5")
    assert _asks_before_leaving(browser)
    browser.find_element(By.NAME, "visits").clear()
    browser.find_element(By.NAME, "visits").send_keys("0")  # back as it was: leaves freely
    assert not _asks_before_leaving(browser)
    assert _violations(browser) == []
