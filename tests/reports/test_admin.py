"""The report's admin page: the report as it prints, the narrative, downloads, statuses."""

import io

import pytest
from django.urls import reverse
from docx import Document

from branches.facts import WriteRefused
from holdings.models import FundingSource, Receipt
from reports.models import Report, SectionText
from tests.handin.helpers import accept_every_handin
from tests.reports.layout import fund_table


@pytest.fixture
def report(organization, seeded):
    return Report.objects.create(organization=organization, period=seeded)


def change_url(report):
    return reverse("admin:reports_report_change", args=[report.pk])


def download_url(report, fmt):
    return reverse("admin:reports_report_download", args=[report.pk, fmt])


def status_url(report, target):
    return reverse("admin:reports_report_status", args=[report.pk, target])


def test_the_change_page_shows_every_section_with_its_figures_and_narrative_fields(
    client, methodologist, report
):
    client.force_login(methodologist)
    response = client.get(change_url(report))
    assert response.status_code == 200
    page = response.content.decode()
    assert "III. Библиотечные ресурсы: формирование фонда документов ЦБС" in page
    assert "273318" in page and "88068" in page and "57552" in page
    assert 'name="text_ru__parasat"' in page
    assert download_url(report, "docx") in page
    assert "Сдать отчёт" in page
    assert "Баланс фонда по ЦБС" in page


def test_the_methodologist_writes_the_narrative_per_section(client, methodologist, report):
    client.force_login(methodologist)
    response = client.post(
        change_url(report),
        {
            "text_ru__parasat": "С 10 марта начали свою деятельность Центр и уголки «Парасат жолы».",
            "text_kk__parasat": "10 наурыздан бастап «Парасат жолы» орталығы жұмыс істейді.",
            "_continue": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    text = SectionText.objects.get(report=report, section="parasat")
    assert text.text_ru.startswith("С 10 марта")
    page = client.get(change_url(report)).content.decode()
    assert "С 10 марта начали свою деятельность" in page


def test_the_director_sees_and_downloads_but_changes_nothing(client, director, report):
    client.force_login(director)
    assert client.get(change_url(report)).status_code == 200
    response = client.get(download_url(report, "docx"))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    assert fund_table(document.tables).rows[-1].cells[7].text == "273318"
    assert client.get(download_url(report, "xlsx")).status_code == 200
    assert client.post(status_url(report, "submitted")).status_code == 403
    client.post(change_url(report), {"text_ru__parasat": "x"})
    assert not SectionText.objects.filter(report=report).exists()


def test_a_librarian_may_not_download_and_an_outsider_does_not_see_the_report(
    client, librarian, outsider, report
):
    client.force_login(librarian)
    assert client.get(download_url(report, "docx")).status_code in (403, 404)
    client.force_login(outsider)
    assert client.get(download_url(report, "docx")).status_code == 404
    assert client.get(change_url(report)).status_code in (302, 403, 404)


def test_approval_freezes_the_report(client, methodologist, report, library):
    accept_every_handin(report.period)
    client.force_login(methodologist)
    assert client.post(status_url(report, "submitted")).status_code == 302
    assert client.post(status_url(report, "approved"), {"confirmed": "yes"}).status_code == 302
    report.refresh_from_db()
    assert report.status == "approved"
    assert report.snapshot["ru"]["key_figures"]["received"] == 2035
    assert report.snapshot["kk"]["language"] == "kk"
    assert report.period.status == "approved"  # the period's data is closed too
    # The period's data can no longer be entered, by any door.
    with pytest.raises(WriteRefused):
        Receipt.objects.create(
            library=library, date=report.period.start, source=FundingSource.objects.get(code="gift"),
            copies=1, copies_kk=0,
        )  # fmt: skip
    document = Document(io.BytesIO(client.get(download_url(report, "docx")).content))
    assert fund_table(document.tables).rows[-1].cells[3].text == "2035"
    page = client.get(change_url(report)).content.decode()
    assert 'name="text_ru__parasat"' not in page  # frozen: no more editing


def test_a_draft_cannot_jump_to_approved(client, methodologist, report):
    client.force_login(methodologist)
    assert client.post(status_url(report, "approved")).status_code == 403
    assert client.get(status_url(report, "submitted")).status_code == 405
    report.refresh_from_db()
    assert report.status == "draft"


def test_the_methodologist_opens_a_report_for_a_period_of_their_organization(
    client, methodologist, organization, period, other_organization
):
    from branches.models import ReportingPeriod

    foreign = ReportingPeriod.objects.create(organization=other_organization, year=2021, half=1)
    client.force_login(methodologist)
    add = reverse("admin:reports_report_add")
    page = client.get(add).content.decode()
    # The period's options only: another select's pk (the organization's) may be equal.
    periods = page[page.index('<select name="period"') :].split("</select>")[0]
    assert f'value="{period.pk}"' in periods and f'value="{foreign.pk}"' not in periods
    response = client.post(add, {"organization": organization.pk, "period": period.pk})
    assert response.status_code == 302
    assert Report.objects.get(period=period).status == "draft"
    assert (
        client.post(add, {"organization": organization.pk, "period": foreign.pk}).status_code == 200
    )
    assert not Report.objects.filter(period=foreign).exists()


def test_the_kazakh_page_shows_the_report_in_kazakh(client, methodologist, report):
    client.force_login(methodologist)
    page = client.get(change_url(report) + "?language=kk").content.decode()
    assert "Кітапхана ресурстары" in page


def test_the_methodologist_downloads_the_year_from_a_half_years_page(
    client, methodologist, report, second_half
):
    """A year is the sum of its halves: the first half's page offers the whole year."""
    client.force_login(methodologist)
    page = client.get(change_url(report)).content.decode()
    assert "Отчёт за 2021 год (оба полугодия)" in page
    response = client.get(download_url(report, "docx") + "?language=ru&span=year")
    assert response.status_code == 200
    assert 'filename="report-2021-ru.docx"' in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    assert "за 2021 год" in "\n".join(p.text for p in document.paragraphs[:5])
    # start of January, received and written off over both halves, end of December
    total = [c.text for c in fund_table(document.tables).rows[-1].cells[1:]]
    assert total == ["283120", "87831", "2535", "1493", "11855", "958", "273800", "88366"]


def test_an_outsider_cannot_download_the_year_either(client, outsider, report):
    client.force_login(outsider)
    assert client.get(download_url(report, "xlsx") + "?span=year").status_code == 404


def test_approval_waits_for_every_librarys_handin(client, methodologist, report):
    client.force_login(methodologist)
    response = client.post(status_url(report, "submitted"), follow=True)
    assert "Не все библиотеки сдали данные" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "draft"


@pytest.mark.parametrize(
    ("language", "question", "locks"),
    [
        ("ru", "Утвердить отчёт за 1 полугодие 2021 года и зафиксировать полугодие?",
         "ни библиотекарям, ни методисту"),
        ("kk", "«2021 жылдың 1-жартыжылдығы» есебін бекітіп, жартыжылдықты өзгертуге жабасыз ба?",
         "кітапханашылар да, әдіскер де"),
    ],
)  # fmt: skip
def test_approval_asks_first_and_the_question_changes_nothing(
    client, methodologist, report, language, question, locks
):
    accept_every_handin(report.period)
    client.force_login(methodologist)
    client.post(status_url(report, "submitted"))
    client.cookies["django_language"] = language
    asked = client.post(status_url(report, "approved"))
    page = asked.content.decode()
    assert asked.status_code == 200
    assert question in page and locks in page
    assert f'href="{change_url(report)}"' in page  # «Отмена» goes back, changing nothing
    assert "<script" not in page.split('id="content"')[1]  # no inline script under the CSP
    report.refresh_from_db()
    report.period.refresh_from_db()
    assert report.status == "submitted" and report.period.status != "approved"
    client.post(status_url(report, "approved"), {"confirmed": "yes"})
    report.refresh_from_db()
    assert report.status == "approved"
