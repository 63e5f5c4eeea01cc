"""The report's page in headless Chromium: a link of the contents opens its closed block,
a click on a block's title folds it, all without script (no CSP violation), in Russian
and in Kazakh, and nothing is wider than a narrow window."""

import pytest

from reports.models import Report, SectionText
from tests.browser import log_in, wait

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


@pytest.mark.parametrize(("language", "contents"), [("ru", "Содержание"), ("kk", "Мазмұны")])
def test_the_contents_open_a_closed_block_and_a_title_folds_it(
    live_server,
    browser,
    methodologist,
    organization,
    seeded,
    language,
    contents,
):
    from selenium.webdriver.common.by import By

    report = Report.objects.create(organization=organization, period=seeded)
    SectionText.objects.create(report=report, section="parasat", text_ru="Только по-русски.")
    log_in(browser, live_server.url, methodologist, language)  # the login form is not this test's
    browser.get(f"{live_server.url}/admin/reports/report/{report.pk}/change/")

    def is_open(anchor: str) -> bool:
        return browser.execute_script(
            "return document.getElementById(arguments[0]).closest('details').open", anchor
        )

    toc = browser.find_element(By.CSS_SELECTOR, "nav.report-toc")
    assert contents in toc.text
    assert is_open("section-parasat")  # written in Russian only: it needs the methodologist
    assert not is_open("section-network")
    network = browser.find_element(By.ID, "section-network")
    assert not network.is_displayed()
    toc.find_element(By.CSS_SELECTOR, 'a[href="#section-network"]').click()
    wait(browser, 5).until(lambda d: is_open("section-network"))
    assert network.is_displayed()
    summary = browser.execute_script(
        "return document.getElementById('section-parasat').closest('details')"
        ".querySelector('summary')"
    )
    summary.click()
    assert not is_open("section-parasat")
    assert _violations(browser) == []

    browser.set_window_size(390, 900)
    browser.refresh()
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0
