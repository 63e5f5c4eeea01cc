"""Headless Chromium for the browser tests (marker `browser`), driven by Selenium.

One Chromium per pytest process (each xdist worker), started by the first browser test
and quit at the end of the run: starting and quitting it took two to three seconds a
test. Each test still starts as in a new profile: no cookie, no local storage (the
month grid keeps its drafts there), an empty console, the desktop window of 1280×1000,
no phone emulation, and a blank page (the last test's page, a form with unsaved
changes say, is left first). The HTTP cache stays: the static files are the same
files for every test, and a page is never cached (Django sends no freshness for it).

Skips, saying why, where Selenium, Chromium or chromedriver is missing (`.ci/run`
installs Debian's chromium and chromium-driver where it can).

Chromium's CPU is most of a browser test's cost (a page loaded is a few tenths of a second
of it, on a machine of two cores): `log_in` and `set_cookie` set a cookie without loading a
page first, and `screenshot` takes a picture only where TEST_SCREENSHOTS asks for one.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

OUTPUT = Path(__file__).resolve().parents[1] / "test-output"  # screenshots (gitignored)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
)
WINDOW = (1280, 1000)
# A desktop window can't be narrower than ~500 px: a phone's screen is emulated.
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


def _chromium_start():
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed (requirements-dev.txt)"
    )
    if not CHROMIUM:
        pytest.skip("no Chromium: install Debian's chromium (apt-get install chromium)")
    if not CHROMEDRIVER:
        pytest.skip("no chromedriver: install Debian's chromium-driver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--window-size={WINDOW[0]},{WINDOW[1]}"):  # fmt: skip
        options.add_argument(argument)
    # The console, for tests that read it (no CSP violation: tests/test_browser_csp.py).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


class Chromium:
    """The process's one Chromium; started again if a test left it dead."""

    def __init__(self):
        self.driver = None

    def fresh(self, origin):
        """The browser as a new profile would show `origin`."""
        if self.driver is not None and not self._alive():
            self.quit()
        if self.driver is None:
            self.driver = _chromium_start()
        driver = self.driver
        _leave_page(driver)
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        driver.execute_cdp_cmd(
            "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
        )
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        driver.set_window_size(*WINDOW)
        driver.get_log("browser")  # read, so emptied: the last test's messages are not this one's
        return driver

    def _alive(self) -> bool:
        try:
            self.driver.window_handles  # noqa: B018 - a round trip to the browser
        except Exception:  # a crashed Chromium or chromedriver: any error says so
            return False
        return True

    def quit(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            finally:
                self.driver = None


def _leave_page(driver):
    """To a blank page; a prompt left open (an alert, «leave the page?») is answered."""
    from selenium.common.exceptions import NoAlertPresentException, UnexpectedAlertPresentException

    for _ in range(3):
        try:
            driver.get("about:blank")
            return
        except UnexpectedAlertPresentException:
            try:
                driver.switch_to.alert.accept()
            except NoAlertPresentException:
                pass
    driver.get("about:blank")


def _live_server_requests_finished(seconds=10):
    """Wait for the live server's request threads to end, now that Chromium has closed the
    connections it kept open from test to test. Each thread closes its database connection
    as it ends (CONN_MAX_AGE keeps it open until then), and PostgreSQL refuses to drop a
    test database that another session still uses. A thread of socketserver's is named
    after its target."""
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=seconds)


@pytest.fixture(scope="session")
def _chromium(django_db_setup):
    """Quit before the test databases are dropped (so set up after them: a session
    fixture would otherwise come first, and go last)."""
    chromium = Chromium()
    yield chromium
    chromium.quit()
    _live_server_requests_finished()


@pytest.fixture
def browser(_chromium, live_server):
    """The headless Chromium, 1280×1000, fresh for this test (see the module's docstring)."""
    return _chromium.fresh(live_server.url)


@pytest.fixture
def phone(browser):
    """The same Chromium as a phone's 390×844 screen (touch, a phone's viewport)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})  # fmt: skip
    return browser


def wait(driver, seconds=15):
    """Selenium's WebDriverWait, looking every 50 ms: its default, every half second, is
    half a second lost after each click whose page is not there at the first look."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.05)


def set_cookie(driver, origin, name, value, **flags):
    """A cookie of `origin`, set with no page of it open: WebDriver's add_cookie needs one,
    and loading a page only to set a cookie cost Chromium a page's CPU."""
    driver.execute_cdp_cmd("Network.setCookie", {"name": name, "value": value, "url": origin, **flags})  # fmt: skip


def log_in(driver, origin, user, language=None):
    """`user` logged in as the login form would leave them (a session in the database, its
    cookie in the browser), with `language` chosen as the switch chooses it; no page loaded.
    For the tests whose subject is not the login form: the walk (tests/test_browser_walk.py),
    the CSP test and the director's dashboard test fill the form itself."""

    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    set_cookie(driver, origin, name, client.cookies[name].value, httpOnly=True)
    if language is not None:
        set_cookie(driver, origin, settings.LANGUAGE_COOKIE_NAME, language)


def screenshot(driver, name):
    """test-output/<name>.png where TEST_SCREENSHOTS is set (`TEST_SCREENSHOTS=1 pytest -m
    browser`): pictures for a person to look at, which no test reads; each one cost
    Chromium a repaint and a PNG in every run."""
    if os.environ.get("TEST_SCREENSHOTS"):
        OUTPUT.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(OUTPUT / f"{name}.png"))
