"""The director's dashboard in a real browser: headless Chromium driven by Selenium
(`browser`, tests/browser.py: skips, saying why, where Selenium, Chromium or
chromedriver is missing).

The live server needs a transactional database; serialized_rollback puts back the
lists the data migrations seeded, so later tests still find them.
Where TEST_SCREENSHOTS asks for it, the whole page goes to test-output/dashboard-director.png
(gitignored).
"""

import os

import pytest
from django.contrib.auth import get_user_model

from tests.browser import log_in, screenshot, wait

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _log_in_as_director(browser) -> None:
    """On the login page the dashboard sent us to: the demo's director, then the cards."""
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "id_username").send_keys("director")
    browser.find_element(By.ID, "id_password").send_keys("demo")
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cards"))


def test_the_director_logs_in_and_sees_the_figures_and_the_charts(
    live_server, browser, demo_written
):
    from selenium.webdriver.common.by import By

    browser.get(f"{live_server.url}/dashboard/")
    # Not logged in: the login page, then straight back to the dashboard.
    _log_in_as_director(browser)

    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    figure = browser.find_element(By.CSS_SELECTOR, '[data-figure="fund"] .figure').text
    assert figure.replace("\u00a0", " ") == "273 318"
    online = browser.find_element(By.CSS_SELECTOR, '[data-figure="online_events"] .figure').text
    assert online == "183"

    # Every chart exists as a Chart.js instance and has painted something.
    wait(browser, 15).until(
        lambda d: d.execute_script("return Object.keys(window.dashboardCharts || {}).length") == 6
    )
    painted = browser.execute_script(
        """
        return Array.from(document.querySelectorAll('canvas[data-chart]')).map(function (c) {
          var pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          var inked = 0;
          for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { inked++; } }
          return [c.dataset.chart, c.width, c.height, inked];
        });
        """
    )
    assert len(painted) == 6  # the main indicators' trend too
    for key, width, height, inked in painted:
        assert width > 0 and height > 0, key
        assert inked > 500, f"chart {key} looks blank"

    if os.environ.get("TEST_SCREENSHOTS"):  # the whole page: a window as tall as it
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(1280, min(height, 8000))
        screenshot(browser, "dashboard-director")


def test_on_a_phone_the_kazakh_page_fits_its_width(live_server, browser, demo_written):
    """390 px, Kazakh: the long words wrap inside their cards; only a wide table scrolls,
    inside its own frame, never the page."""
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 900)
    # By the session's cookie: the login form, and the way back to the dashboard from it,
    # are the test above's.
    log_in(browser, live_server.url, get_user_model().objects.get(username="director"), "kk")
    browser.get(f"{live_server.url}/dashboard/")
    wait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cards"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    page, view = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert page <= view, f"the page is {page} px wide in a {view} px window"
    screenshot(browser, "dashboard-director-kk-390")
