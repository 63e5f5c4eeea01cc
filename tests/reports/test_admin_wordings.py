"""The report's page shows each printed item's composed line beside its wording and lets the
methodologist word it in place; the item must be the report's, the half-year open."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from branches.models import Library, ReportingPeriod
from events.models import Event, EventForm
from publications.models import MediaMention
from reports.models import Report
from reports.wordings import worded_items

D = datetime.date
WORDED = "15 мая в ЦГБ стартовала викторина «Тайная»"


@pytest.fixture
def report(organization, seeded):
    return Report.objects.create(organization=organization, period=seeded)


@pytest.fixture
def quiz(library, seeded):
    return Event.objects.create(
        library=library, title="викторина «Тайная»", form=EventForm.objects.get(code="quiz"),
        date=D(2021, 5, 15),
    )  # fmt: skip


def change_url(report):
    return reverse("admin:reports_report_change", args=[report.pk])


def wording_url(report):
    return reverse("admin:reports_report_wording", args=[report.pk])


def post(client, report, item, kind="event", ru="", kk=""):
    data = {"kind": kind, "item": item.pk, "wording_ru": ru, "wording_kk": kk, "language": "ru"}
    return client.post(wording_url(report), data)


def test_the_page_shows_the_composed_line_beside_the_wording(client, methodologist, report, quiz):
    Event.objects.filter(pk=quiz.pk).update(wording_ru=WORDED)
    client.force_login(methodologist)
    page = client.get(change_url(report)).content.decode()
    block = page[page.index('id="wordings"') :].split("</details>")[0]
    row = block[block.index(f'id="wording-event-{quiz.pk}"') :].split("</tr>")[0]
    assert "викторина «Тайная» (ЦГБ)" in row  # composed from the fields
    assert f'name="wording_ru" form="wording-form-event-{quiz.pk}"' in row
    assert f">{WORDED}</textarea>" in row
    # Publications and media mentions of the half-year are listed too.
    mention = MediaMention.objects.filter(library__organization=report.organization).first()
    assert f'id="wording-media-{mention.pk}"' in block
    assert "<script" not in block
    # Its form stands outside the change form (forms cannot nest) and names the item.
    form = page[page.index(f'<form id="wording-form-event-{quiz.pk}"') :].split("</form>")[0]
    assert f'name="item" value="{quiz.pk}"' in form and 'name="kind" value="event"' in form


def test_the_methodologist_words_an_item_and_the_docx_prints_it(
    client, methodologist, report, quiz
):
    client.force_login(methodologist)
    response = post(client, report, quiz, ru=f" {WORDED} ", kk="Жасырын викторина")
    assert response.status_code == 302
    assert response["Location"].endswith(f"?language=ru#wording-event-{quiz.pk}")
    quiz.refresh_from_db()
    assert (quiz.wording_ru, quiz.wording_kk) == (WORDED, "Жасырын викторина")
    assert quiz.history.first().history_change_reason.startswith("Формулировка в отчёте")
    download = reverse("admin:reports_report_download", args=[report.pk, "docx"])
    texts = [p.text for p in Document(io.BytesIO(client.get(download).content)).paragraphs]
    assert WORDED in texts and "викторина «Тайная» (ЦГБ)" not in texts
    # Emptied, the composed line prints again.
    post(client, report, quiz)
    texts = [p.text for p in Document(io.BytesIO(client.get(download).content)).paragraphs]
    assert "викторина «Тайная» (ЦГБ)" in texts and WORDED not in texts


def test_only_the_methodologist_of_the_report_words_its_items(
    client, director, librarian, outsider, report, quiz
):
    client.force_login(director)
    assert post(client, report, quiz, ru=WORDED).status_code == 403
    client.force_login(librarian)
    assert post(client, report, quiz, ru=WORDED).status_code in (403, 404)
    client.force_login(outsider)
    assert post(client, report, quiz, ru=WORDED).status_code == 404
    quiz.refresh_from_db()
    assert quiz.wording_ru == ""


def test_an_item_outside_the_report_is_not_found(
    client, methodologist, report, quiz, other_organization
):
    stranger = Library.objects.create(
        organization=other_organization, code="x1", kind="branch", short_name="X", order=1
    )
    other = Event.objects.create(
        library=stranger, title="чужое", form=quiz.form, date=D(2021, 5, 1)
    )
    later = Event.objects.create(
        library=quiz.library, title="осенью", form=quiz.form, date=D(2021, 9, 1)
    )
    client.force_login(methodologist)
    for item in (other, later):
        assert post(client, report, item, ru=WORDED).status_code == 404
    assert post(client, report, quiz, kind="holdings", ru=WORDED).status_code == 404
    assert client.get(wording_url(report)).status_code == 405
    assert not Event.objects.filter(wording_ru=WORDED).exists()


def test_a_closed_half_year_refuses_the_wording_at_the_data_layer(
    client, methodologist, report, quiz
):
    # The period closed while the page was open (the report itself still a draft).
    ReportingPeriod.objects.filter(pk=report.period_id).update(status="approved")
    client.force_login(methodologist)
    response = post(client, report, quiz, ru=WORDED)
    assert response.status_code == 302
    quiz.refresh_from_db()
    assert quiz.wording_ru == ""
    page = client.get(response["Location"]).content.decode()
    assert "закрыт" in page or "утвержд" in page


def test_the_block_reads_each_kind_once_whatever_the_number_of_items(
    report, quiz, django_assert_num_queries
):
    def count():
        with django_assert_num_queries(3):  # events, publications, media mentions
            return len(worded_items(period=report.period, language="ru"))

    few = count()
    for n in range(30):
        Event.objects.create(
            library=quiz.library, title=f"викторина «{n}»", form=quiz.form, date=D(2021, 3, 1)
        )
    assert count() == few + 30
