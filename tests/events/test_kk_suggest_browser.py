"""In headless Chromium: the event form offers the glossary's Kazakh form of a Russian
text, fills nothing until the librarian accepts it, and saves what was accepted and
edited (issue 25, item 3). Skips where Chromium or chromedriver is missing."""

import pytest

from tests.browser import log_in, wait

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DEDICATION = "к 175-летию Ж.Жабаева для старшеклассников"
KAZAKH = "Ж.Жабаевтың туғанына 175 жыл толуына орай жоғары сынып оқушыларына арналған"


def test_a_librarian_accepts_the_suggested_kazakh_dedication(
    live_server,
    browser,
    librarian,
    period,
):
    from selenium.webdriver.common.by import By

    from events.models import Event, EventForm

    log_in(browser, live_server.url, librarian)  # the login form is not this test's
    browser.get(f"{live_server.url}/admin/events/event/add/")
    wait(browser, 15).until(lambda d: d.find_elements(By.ID, "id_dedication_kk"))

    browser.find_element(By.ID, "id_title").send_keys("мастер-класс «Ваза»")
    browser.find_element(By.ID, "id_date").send_keys("05.03.2021")
    # The form is an autocomplete: its chosen value, as the widget would set it.
    form = EventForm.objects.get(code="master-class")
    browser.execute_script(
        "document.getElementById('id_form').append(new Option(arguments[1], arguments[0], true, true));",
        str(form.pk),
        form.name_ru,
    )
    browser.find_element(By.ID, "id_dedication").send_keys(DEDICATION)
    kazakh = browser.find_element(By.ID, "id_dedication_kk")
    box = browser.find_element(By.CSS_SELECTOR, ".kk-suggestion[data-for=id_dedication_kk]")
    box.find_element(By.CSS_SELECTOR, "button.kk-suggest").click()
    shown = box.find_element(By.CSS_SELECTOR, ".kk-suggestion-text")
    wait(browser, 15).until(lambda d: KAZAKH in shown.text)
    assert kazakh.get_attribute("value") == ""  # offered, not filled in
    box.find_element(By.CSS_SELECTOR, "button.kk-accept").click()
    assert kazakh.get_attribute("value") == KAZAKH
    kazakh.send_keys(" (өңделді)")  # the librarian may edit what she accepted
    browser.find_element(By.NAME, "_save").click()
    wait(browser, 15).until(lambda d: "/add/" not in d.current_url)
    assert Event.objects.get().dedication_kk == f"{KAZAKH} (өңделді)"
