"""The month sheet in headless Chromium: a librarian uploads a filled sheet on the admin
page, reads which days were added and changed, and finds them marked in the month
grid; a sheet with errors lists them all at once. No Content-Security-Policy
violation. Screenshots, where TEST_SCREENSHOTS asks for them: test-output/month-sheet-*.png.
"""

import datetime
import io

import openpyxl
import pytest

from indicators.models import WorkLogEntry
from indicators.monthsheet import headers, month_sheet_write
from tests.admin.posting import admin_url
from tests.browser import log_in, screenshot, wait
from tests.test_browser_csp import _violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _sheet(library, tmp_path, cells: dict):
    sheet = openpyxl.load_workbook(
        io.BytesIO(month_sheet_write(library=library, year=2021, month=6))
    ).active
    for (day, column), value in cells.items():
        sheet.cell(1 + day, headers().index(column) + 1, value)
    path = tmp_path / "Дневник cgb 06.2021.xlsx"
    sheet.parent.save(path)
    return path


def _upload(browser, live_server, user, language, path):
    from selenium.webdriver.common.by import By

    log_in(browser, live_server.url, user, language)
    browser.get(live_server.url + admin_url(WorkLogEntry, "month_sheet"))
    browser.find_element(By.NAME, "file").send_keys(str(path))
    browser.find_element(By.NAME, "upload").click()
    wait(browser, 15).until(
        lambda d: (
            "month-sheet" not in d.current_url
            or (d.find_elements(By.CSS_SELECTOR, ".dataio-errors, .errorlist"))
        )
    )


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_an_uploaded_sheet_names_its_days_and_the_grid_marks_them(
    live_server,
    browser,
    librarian,
    library,
    period,
    tmp_path,
    language,
):
    from selenium.webdriver.common.by import By

    WorkLogEntry.objects.create(library=library, date=datetime.date(2021, 6, 10), visits=9)
    cells = {(3, "Посещений"): 5, (4, "Посещений"): 6, (5, "Справок"): 1, (10, "Посещений"): 12}
    _upload(browser, live_server, librarian, language, _sheet(library, tmp_path, cells))
    assert browser.current_url.endswith("/log/cgb/2021-06/?added=3%2C4%2C5&changed=10")
    answer = browser.find_element(By.CSS_SELECTOR, ".messages").text
    if language == "kk":
        assert "Қосылды: 3, 4, 5" in answer and "өзгертілді: 10" in answer
    else:
        assert "Добавлены: 3, 4, 5 июня; изменены: 10 июня." in answer
    marked = {
        row.get_attribute("data-day"): row.get_attribute("class")
        for row in browser.find_elements(By.CSS_SELECTOR, "tr[class*=uploaded-]")
    }
    assert {day: cls.split()[-1] for day, cls in marked.items()} == {
        "3": "uploaded-added",
        "4": "uploaded-added",
        "5": "uploaded-added",
        "10": "uploaded-changed",
    }
    added = browser.find_element(By.CSS_SELECTOR, 'tr[data-day="4"] th')
    plain = browser.find_element(By.CSS_SELECTOR, 'tr[data-day="2"] th')
    assert added.value_of_css_property("background-color") != plain.value_of_css_property(
        "background-color"
    )
    screenshot(browser, f"month-sheet-marked-{language}")
    assert _violations(browser) == []


def test_a_sheet_with_errors_lists_them_all_at_once(
    live_server,
    browser,
    librarian,
    library,
    period,
    tmp_path,
):
    from selenium.webdriver.common.by import By

    cells = {
        (3, "Посещений"): "сорок",
        (4, "Справок"): -2,
        (5, "Выдано документов"): 2.5,
        (12, "Записано пользователей"): 3,
        (12, "В т.ч. дети до 14 лет"): 5,
        (20, "Посещений"): 10,
        (20, "В т.ч. мероприятий"): 12,
    }
    _upload(browser, live_server, librarian, "ru", _sheet(library, tmp_path, cells))
    problems = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".dataio-errors li")]
    assert [p.split(":")[0] for p in problems] == [
        "03.06.2021, «Посещения — всего»",
        "04.06.2021, «Справки»",
        "05.06.2021, «Книговыдача — всего»",
        "12.06.2021, «Пользователи — дети до 14 лет»",
        "20.06.2021, «Посещения — мероприятий»",
    ]
    assert "В файле 5 ошибок" in browser.find_element(By.ID, "content").text
    screenshot(browser, "month-sheet-errors-ru")
    assert _violations(browser) == []
    assert not WorkLogEntry.objects.exists()
