"""Issue 24's walk, in headless Chromium, as the librarians and the methodologist of
the demo use the site: in Russian and in Kazakh, at 1280 px and at 390 px.

- the events list finds the same rows for «наурыз», «НАУРЫЗ» and «Наурыз»;
- «Сдать данные» asks first, and «Отмена» leaves the hand-in as it was;
- a handed-in library's row opens with the lock banner and no add button;
- at 390 px no page is wider than the window, and the tables of the home page, the
  overview and the dashboard are cards whose every cell is on the screen;
- at 1280 px the list pages' buttons do not cover the title, nor each other, and the
  librarian's lists show every column without scrolling sideways;
- the password reset page answers a known and an unknown address alike while the
  mail server refuses every letter;
- not one Content-Security-Policy violation in the console.

One Chromium for the run (tests/browser.py), one log-in per person, language and width:
the librarian of ф№4 by the login form (so the form is walked in each language and width),
the others by their session's cookie, which saves Chromium the login page and the typing
(the page they land on, «/», is still opened and looked at). Each page is loaded once for
all that is checked on it. Skips where Chromium or chromedriver is missing. Screenshots,
where TEST_SCREENSHOTS asks for them: test-output/walk-*.png.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from branches.models import Organization
from demo.handins import demo_handins_load
from demo.organization import ORGANIZATION
from tests.browser import log_in, screenshot, wait
from tests.test_browser_csp import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WIDTHS = (1280, 390)
KNOWN_ADDRESS = "librarian-f4@demo.cbs.kz"  # load_demo's address of librarian-f4
UNKNOWN_ADDRESS = "nobody@demo.cbs.kz"


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every letter; it remembers whom it was asked to write."""

    asked: list[str] = []

    def send_messages(self, messages):
        for message in messages:
            RefusingBackend.asked.extend(message.to)
        if self.fail_silently:
            return 0
        raise ConnectionRefusedError("the mail server is down")


def _wait(driver, condition, seconds=20):
    return wait(driver, seconds).until(condition)


class Walk:
    """The browser at one language and width, and what it met on the way."""

    def __init__(self, driver, server_url, language, width):
        self.driver, self.url, self.language, self.width = driver, server_url, language, width
        self.csp: dict[str, list[str]] = {}
        self.too_wide: dict[str, int] = {}

    def open(self, path):
        """The page, loaded; its CSP violations and, at 390 px, its width are noted."""
        self.driver.get(self.url + path)
        self.settle(path)

    def settle(self, name):
        # The page's language and widths read with its readiness: one round trip, not four.
        language, page, window = _wait(
            self.driver,
            lambda d: d.execute_script(
                "const html = document.documentElement;"
                "return document.readyState === 'complete'"
                " && [html.getAttribute('lang'), html.scrollWidth, window.innerWidth];"
            ),
        )
        assert language == self.language
        violations = _violations(self.driver)
        if violations:
            self.csp[name] = violations
        if self.width < 1000:
            assert window == self.width
            if page > window:
                self.too_wide[name] = page

    def anonymous(self):
        """No session any more, and the language chosen (the cookie the switch sets)."""
        self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        cookie = {"name": "django_language", "value": self.language, "url": self.url}
        self.driver.execute_cdp_cmd("Network.setCookie", cookie)

    def log_in(self, username):
        """Logged in by the session's cookie; «/», the page the login form lands on, settled."""

        self.anonymous()
        log_in(self.driver, self.url, get_user_model().objects.get(username=username))
        self.open("/")

    def log_in_by_form(self, username):
        """Logged in from the login page; on the page it lands on, «/», settled."""
        from selenium.webdriver.common.by import By

        self.anonymous()
        self.open("/accounts/login/")
        self.driver.find_element(By.ID, "id_username").send_keys(username)
        self.driver.find_element(By.ID, "id_password").send_keys("demo")
        self.driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        _wait(self.driver, lambda d: "/accounts/login/" not in d.current_url)
        assert self.driver.current_url == self.url + "/"
        self.settle("/")

    def shot(self, name):
        screenshot(self.driver, f"walk-{self.language}-{self.width}-{name}")

    def cut_off(self, selector) -> list[str]:
        """The shown elements matching selector that stick out of the window, left or
        right (in a table that scrolls inside its frame, say): each as its text."""
        return self.driver.execute_script(
            "const width = document.documentElement.clientWidth;"
            "return Array.from(document.querySelectorAll(arguments[0]))"
            ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0)"
            ".filter(e => { const r = e.getBoundingClientRect();"
            "  return r.left < -1 || r.right > width + 1; })"
            ".map(e => e.textContent.trim().slice(0, 40));",
            selector,
        )


def _boxes(driver, selector) -> list[dict]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => {"
        " const r = e.getBoundingClientRect();"
        " return {text: e.textContent.trim(), left: r.left, right: r.right, top: r.top,"
        " bottom: r.bottom}; });",
        selector,
    )


def _overlap(a, b) -> bool:
    return (
        a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    )


def _tools_clear_of_the_title(walk, path):
    """The list's buttons neither cover its title nor one another, and stay in the window.
    On the list just opened."""
    assert walk.driver.current_url == walk.url + path
    title = _boxes(walk.driver, "#content > h1")
    tools = _boxes(walk.driver, "#content .object-tools li")
    assert len(title) == 1 and len(tools) >= 2, (path, title, tools)
    clashes = [tool["text"] for tool in tools if _overlap(tool, title[0])]
    clashes += [
        (one["text"], other["text"])
        for n, one in enumerate(tools)
        for other in tools[n + 1 :]
        if _overlap(one, other)
    ]
    assert clashes == [], (walk.language, walk.width, path)
    assert walk.cut_off("#content .object-tools li") == [], (walk.language, walk.width, path)


def _every_column_shown(walk, path):
    """At 1280 px the list shows all its columns: nothing scrolls sideways in its frame.
    On the list just opened."""
    assert walk.driver.current_url == walk.url + path
    inner, frame = walk.driver.execute_script(
        "const r = document.querySelector('#changelist .results');"
        "return [r.scrollWidth, r.clientWidth];"
    )
    assert inner <= frame, (walk.language, path, inner, frame)


def _password_reset_answers_alike(walk):
    """A known and an unknown address, the mail server refusing: the same page."""
    from selenium.webdriver.common.by import By

    answers = []
    for address in (KNOWN_ADDRESS, UNKNOWN_ADDRESS):
        walk.anonymous()
        walk.open("/accounts/password_reset/")
        walk.driver.find_element(By.ID, "id_email").send_keys(address)
        walk.driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        # Away from the form, or back on it with an error: either is an answer.
        _wait(walk.driver, lambda d: not d.current_url.endswith("/accounts/password_reset/")
              or d.find_elements(By.CSS_SELECTOR, ".errornote"))  # fmt: skip
        walk.settle("/accounts/password_reset/ (sent)")
        answers.append(
            (walk.driver.current_url, walk.driver.find_element(By.TAG_NAME, "main").text)
        )
    assert answers[0] == answers[1]
    assert answers[0][0].endswith("/accounts/password_reset/done/")
    # The known address was written to (and refused); the unknown one never was.
    assert KNOWN_ADDRESS in RefusingBackend.asked
    assert UNKNOWN_ADDRESS not in RefusingBackend.asked
    walk.shot("password-reset-done")


def _librarian_hands_in_then_cancels(walk, handin):
    """«Сдать данные» asks what it will lock; «Отмена» goes back and changes nothing."""
    from selenium.webdriver.common.by import By

    assert walk.driver.current_url == walk.url + "/"  # where the log-in landed: not reloaded
    before = handin()
    button = walk.driver.find_element(By.ID, "submit-handin")
    assert button.is_enabled()
    assert walk.cut_off("#submit-handin") == []
    button.click()
    _wait(walk.driver, lambda d: d.find_elements(By.ID, "confirm-cancel"))
    walk.settle("/ (Сдать данные: the question)")
    assert walk.driver.find_element(By.ID, "confirm-yes").is_displayed()
    assert walk.driver.find_element(By.ID, "confirm-title").text
    walk.shot("handin-question")
    assert handin() == before  # asking moved nothing
    walk.driver.find_element(By.ID, "confirm-cancel").click()
    _wait(walk.driver, lambda d: d.find_elements(By.ID, "submit-handin"))
    walk.settle("/ (after «Отмена»)")
    assert handin() == before
    assert before[0] == "draft"


def _librarians_pages(walk, handin, own_event, open_rows):
    from selenium.webdriver.common.by import By

    walk.log_in_by_form("librarian-f4")  # on «/»
    walk.shot("home-librarian")
    # «Что внесено»: each kind's count, date and add links are on the screen.
    assert walk.cut_off("table.kinds td, table.kinds th, table.kinds a") == []
    assert walk.driver.find_elements(By.CSS_SELECTOR, 'table.kinds a[href$="/add/"]')
    _librarian_hands_in_then_cancels(walk, handin)
    for path in (
        "/log/",
        "/admin/",
        "/admin/events/event/",
        "/admin/events/event/add/",
        f"/admin/events/event/{own_event}/change/",
        "/admin/indicators/worklogentry/",
        "/dashboard/",
    ):
        walk.open(path)
        if walk.width == 1280 and path in open_rows:
            _tools_clear_of_the_title(walk, path)
            _every_column_shown(walk, path)
            walk.shot(f"list-librarian-{path.split('/')[-2]}")
    walk.shot("dashboard-librarian")
    if walk.width == 390:  # cards; at 1280 px the 13 kinds' table may scroll in its frame
        assert walk.cut_off("table.data td, table.data th[scope=row]") == []


def _locked_row(walk, locked_event):
    """A row of a handed-in library: the reason on top, no way to add or save."""
    from selenium.webdriver.common.by import By

    walk.log_in("librarian-cgb")  # on «/»
    walk.open(f"/admin/events/event/{locked_event}/change/")
    banner = walk.driver.find_element(By.CSS_SELECTOR, "[data-lock-banner]")
    assert banner.is_displayed() and banner.text
    assert walk.cut_off("[data-lock-banner]") == []
    content = walk.driver.find_element(By.ID, "content")
    assert content.find_elements(By.CSS_SELECTOR, ".addlink") == []
    assert content.find_elements(By.CSS_SELECTOR, "[name=_save], [name=_addanother]") == []
    walk.shot("locked-row")


def _search(walk, term) -> set[str]:
    """The term typed in the list's search box: on the list, or on the last search's."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.expected_conditions import staleness_of

    assert walk.driver.current_url.split("?")[0] == walk.url + "/admin/events/event/"
    box = walk.driver.find_element(By.ID, "searchbar")
    box.clear()
    box.send_keys(term, Keys.ENTER)
    _wait(walk.driver, staleness_of(box))
    assert "q=" in walk.driver.current_url
    walk.settle(f"/admin/events/event/?q={term}")
    return {
        box.get_attribute("value")
        for box in walk.driver.find_elements(
            By.CSS_SELECTOR, "#result_list [name=_selected_action]"
        )
    }


def _methodologists_pages(walk):
    walk.log_in("methodist")  # on «/»
    walk.shot("overview")
    assert walk.cut_off("table.overview td, table.overview th[scope=row]") == []
    walk.open("/admin/events/event/")  # its buttons and columns, then its search box
    if walk.width == 1280:
        _tools_clear_of_the_title(walk, "/admin/events/event/")
        _every_column_shown(walk, "/admin/events/event/")  # with the library column
        walk.shot("events-list-methodologist")
    found = {term: _search(walk, term) for term in ("наурыз", "НАУРЫЗ", "Наурыз")}
    assert len(found["Наурыз"]) >= 5, found  # the demo's Наурыз events of five libraries
    assert found["наурыз"] == found["НАУРЫЗ"] == found["Наурыз"]
    walk.shot("search")
    for path in ("/dashboard/", "/dashboard/completeness/", "/dashboard/library/f4/"):
        walk.open(path)
        if walk.width == 390:
            assert walk.cut_off("table.data td, table.data th[scope=row]") == [], (
                walk.language,
                path,
            )
    walk.shot("dashboard-library")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_walk_of_issue_24_in_each_language_and_width(
    live_server,
    browser,
    settings,
    demo_written,
    language,
):
    from branches.handins import HandIn
    from events.models import Event

    # What `load_demo --hand-in` leaves: the demo, then its last step, every library but
    # ф№4 handed in (its seconds of loading the demo are the snapshot's milliseconds).
    with transaction.atomic():
        demo_handins_load(Organization.objects.get(code=ORGANIZATION["code"]))
    settings.EMAIL_BACKEND = "tests.test_browser_walk.RefusingBackend"
    RefusingBackend.asked = []
    own_event = Event.objects.filter(library__code="f4").order_by("pk").first().pk
    locked_event = Event.objects.filter(library__code="cgb", date__year=2021, date__month__lte=6)
    locked_event = locked_event.order_by("pk").first().pk
    open_rows = ("/admin/events/event/", "/admin/indicators/worklogentry/")

    def handin():
        row = HandIn.objects.filter(library__code="f4", period__year=2021, period__half=1).first()
        return (row.state, row.transitions.count()) if row else ("draft", 0)

    for width in WIDTHS:
        browser.set_window_size(width, 900)
        walk = Walk(browser, live_server.url, language, width)
        _password_reset_answers_alike(walk)
        _librarians_pages(walk, handin, own_event, open_rows)
        _locked_row(walk, locked_event)
        _methodologists_pages(walk)
        assert walk.too_wide == {}, (language, width)
        assert walk.csp == {}, (language, width)
