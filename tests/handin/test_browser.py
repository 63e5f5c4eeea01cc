"""A librarian hands in the half-year in headless Chromium, on a 390 px wide screen
(`phone`, tests/browser.py)."""

import datetime

import pytest

from tests.browser import log_in, screenshot, wait

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_librarian_explains_the_warning_and_hands_in(live_server, phone, django_user_model):
    from selenium.webdriver.common.by import By

    from branches.handins import HandIn
    from branches.models import Library, Organization, ReportingPeriod, StaffProfile
    from branches.scoping import LIBRARIAN, ensure_groups
    from holdings.models import FundingSource, FundSnapshot, Receipt

    def _confirm(phone):
        """Answer «Да» on the question a locking move asks first (handin/confirm.html)."""
        wait(phone, 15).until(lambda d: d.find_elements(By.ID, "confirm-yes"))
        phone.find_element(By.ID, "confirm-yes").click()

    organization = Organization.objects.create(code="t", name_ru="Тестовая ЦБС", city_ru="Балхаш")
    library = Library.objects.create(
        organization=organization, code="cgb", kind="central", short_name="ЦГБ", name_ru="ЦГБ"
    )
    for year in (2020, 2021):
        ReportingPeriod.objects.create(organization=organization, year=year, half=1)
    source = FundingSource.objects.get(code="local-budget")
    FundSnapshot.objects.create(library=library, date=datetime.date(2020, 1, 1), copies=1000)
    Receipt.objects.create(
        library=library, date=datetime.date(2020, 3, 1), source=source, copies=10
    )
    Receipt.objects.create(
        library=library, date=datetime.date(2021, 3, 1), source=source, copies=90
    )
    user = django_user_model.objects.create_user("lib", password="pw-browser-1", is_staff=True)
    user.groups.set([ensure_groups()[LIBRARIAN]])
    StaffProfile.objects.create(user=user, organization=organization, library=library)

    # Logged in by the session's cookie: the login form is not this test's (the walk's).
    log_in(phone, live_server.url, user)
    phone.get(f"{live_server.url}/")
    wait(phone, 15).until(lambda d: d.find_elements(By.ID, "submit-handin"))

    # Nothing sticks out of a phone's screen.
    width = phone.execute_script("return document.documentElement.scrollWidth")
    wide = phone.execute_script(
        "return Array.from(document.querySelectorAll('body *')).filter(e => !e.closest('.table-wrap')).filter("
        "e => e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className"
        " + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 15)"
    )
    assert width <= 390, wide

    # With the warning unexplained the button is disabled and says why (issue 24).
    assert not phone.find_element(By.ID, "submit-handin").is_enabled()
    assert "Поясните" in phone.find_element(By.ID, "submit-blocked").text

    phone.find_element(By.CSS_SELECTOR, ".explain-form textarea").send_keys("Подарок акимата.")
    phone.find_element(By.CSS_SELECTOR, ".explain-form button").click()
    wait(phone, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".explanation"))

    # Handing in asks first, on a page as narrow as the phone; cancelling changes nothing.
    phone.find_element(By.ID, "submit-handin").click()
    wait(phone, 15).until(lambda d: d.find_elements(By.ID, "confirm-cancel"))
    assert "не смогут их добавлять и менять" in phone.find_element(By.TAG_NAME, "main").text
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 390
    phone.find_element(By.ID, "confirm-cancel").click()
    wait(phone, 15).until(lambda d: d.find_elements(By.ID, "submit-handin"))
    assert not HandIn.objects.filter(library=library).exclude(state="draft").exists()

    phone.find_element(By.ID, "submit-handin").click()
    _confirm(phone)
    wait(phone, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".state-submitted"))
    assert HandIn.objects.get(library=library).state == "submitted"
    assert not phone.find_elements(By.ID, "submit-handin")
    screenshot(phone, "handin-librarian-390")

    # The methodologist accepts it from her overview, on the same phone.
    from branches.scoping import METHODOLOGIST

    boss = django_user_model.objects.create_user("boss", password="pw-browser-2", is_staff=True)
    boss.groups.set([ensure_groups()[METHODOLOGIST]])
    StaffProfile.objects.create(user=boss, organization=organization)
    phone.delete_all_cookies()
    log_in(phone, live_server.url, boss)
    phone.get(f"{live_server.url}/")
    wait(phone, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.overview"))
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 390
    phone.find_element(By.CSS_SELECTOR, "#library-cgb button").click()
    _confirm(phone)
    wait(phone, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".state-accepted"))
    assert HandIn.objects.get(library=library).state == "accepted"
    screenshot(phone, "handin-methodologist-390")
