"""The report's admin page as the methodologist reads it (issues 24 and 25): a table of
contents, one collapsible block per part (open where something needs them), the report
in the page's language, the choice of what the Kazakh report does with a section that
has no Kazakh text, and a query count that does not grow with the data."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document

from events.models import Event, EventForm, Initiative
from holdings.models import FundingSource, Receipt
from reportkit.data import Note
from reports.models import Report, SectionText, Untranslated
from reports.page import checks_block, section_blocks
from reports.services import report_data
from tests.handin.helpers import accept_every_handin

D = datetime.date
PLACE_MARK = "[Қазақ тіліндегі мәтін енгізілмеген]"


@pytest.fixture
def report(organization, seeded):
    return Report.objects.create(organization=organization, period=seeded)


def change_url(report):
    return reverse("admin:reports_report_change", args=[report.pk])


def blocks_of(page: str) -> dict[str, bool]:
    """Each block's anchor and whether it starts open, in the page's order."""
    found = re.findall(
        r'<details class="report-block[^"]*"( open)?>\s*<summary>.*?</summary>\s*'
        r'<div class="report-block-body" id="([^"]+)"',
        page,
        re.DOTALL,
    )
    return {anchor: bool(opened) for opened, anchor in found}


def test_the_contents_link_to_the_checks_and_every_section_each_a_collapsible_block(
    client, methodologist, report
):
    client.force_login(methodologist)
    page = client.get(change_url(report)).content.decode()
    toc = page.split('<nav class="report-toc"')[1].split("</nav>")[0]
    links = re.findall(r'href="#([^"]+)"', toc)
    sections = [s.code for s in report_data(report).sections]
    # After the sections: the lists about the report (here the events without Kazakh text).
    assert links == [
        "report-checks",
        *[f"section-{code}" for code in sections],
        "items-without-kazakh",
        "wordings",
    ]
    assert list(blocks_of(page)) == links  # every link has its block
    for title in ("I. Библиотечная сеть", "VI. Библиографическая деятельность"):
        assert title in toc
    assert "Проверка данных" in toc
    assert "Записи без казахского текста:" in toc
    # Collapsing needs no script: the CSP forbids inline script.
    assert not re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "onclick" not in page and "onchange" not in page


def test_a_section_written_in_one_language_only_starts_open_the_others_closed(
    client, methodologist, report
):
    SectionText.objects.create(report=report, section="parasat", text_ru="Только по-русски.")
    SectionText.objects.create(
        report=report, section="zoom", text_ru="По-русски.", text_kk="Қазақша."
    )
    client.force_login(methodologist)
    page = client.get(change_url(report)).content.decode()
    opened = [anchor for anchor, is_open in blocks_of(page).items() if is_open]
    assert opened == ["section-parasat"]
    summary = page.split('id="section-parasat"')[0].rsplit("<summary>", 1)[1]
    assert "нет текста на казахском" in summary


def fields_of(form):
    return lambda code: [form[name] for name in form.fields if name.endswith(f"__{code}")]


def test_a_section_or_the_checks_with_an_error_start_open(methodologist, report, rf):
    from reports.admin import ReportForm

    data = report_data(report)
    section = data.sections[2]
    assert not checks_block(data).open
    assert not any(
        block.open
        for block in section_blocks(data, report, fields_of(ReportForm(instance=report)), True)
    )
    error = Note("error", "Фонд не может быть меньше нуля.", section.code)
    data.notes.append(error)
    section.notes.append(error)
    checks = checks_block(data)
    assert checks.open and checks.flags == ["1 ошибка"]
    blocks = section_blocks(data, report, fields_of(ReportForm(instance=report)), True)
    assert [b.anchor for b in blocks if b.open] == [f"section-{section.code}"]


def test_the_page_opened_in_kazakh_keeps_the_report_and_its_checks_in_kazakh(
    client, methodologist, report
):
    client.force_login(methodologist)
    client.cookies["django_language"] = "kk"
    page = client.get(change_url(report)).content.decode()
    assert '<strong aria-current="true">Қазақша</strong>' in page
    assert "ОКЖ бойынша қор балансы" in page
    assert "Баланс фонда по ЦБС" not in page
    assert "Кітапхана ресурстары" in page
    # Russian, when asked for on the Kazakh page.
    page = client.get(change_url(report) + "?language=ru").content.decode()
    assert '<strong aria-current="true">Орысша</strong>' in page
    assert "Баланс фонда по ЦБС" in page


def test_the_methodologist_chooses_on_the_page_how_the_kazakh_report_marks_missing_text(
    client, methodologist, report
):
    client.force_login(methodologist)
    page = client.get(change_url(report)).content.decode()
    assert 'name="untranslated"' in page and 'value="placeholder"' in page
    response = client.post(
        change_url(report),
        {"untranslated": "placeholder", "text_ru__parasat": "Центр открыт 10 марта."},
    )
    # «Сохранить» stays on the report.
    assert response.status_code == 302 and response["Location"] == change_url(report)
    report.refresh_from_db()
    assert report.untranslated == Untranslated.PLACEHOLDER
    download = reverse("admin:reports_report_download", args=[report.pk, "docx"])
    texts = [
        p.text
        for p in Document(io.BytesIO(client.get(download + "?language=kk").content)).paragraphs
    ]
    assert PLACE_MARK in texts
    assert "Центр открыт 10 марта." not in "\n".join(texts)

    client.post(
        change_url(report), {"untranslated": "listed", "text_ru__parasat": "Центр открыт 10 марта."}
    )
    texts = [
        p.text
        for p in Document(io.BytesIO(client.get(download + "?language=kk").content)).paragraphs
    ]
    assert PLACE_MARK not in texts
    notes = texts.index("Ескертпелер")
    assert texts[notes + 2 :] == ["«Парасат жолы» орталығы"]


def _more_data(organization, library, other_library, count: int) -> None:
    forms = list(EventForm.objects.all())
    initiatives = list(Initiative.objects.all())
    gift = FundingSource.objects.get(code="gift")
    for n in range(count):
        event = Event.objects.create(
            library=(library, other_library)[n % 2],
            date=D(2021, 1, 1) + datetime.timedelta(days=n * 5),
            title=f"громкие чтения «Книга №{n}»",
            form=forms[n % len(forms)],
            is_online=n % 2 == 0,
        )
        event.initiatives.set(initiatives[n % len(initiatives) : n % len(initiatives) + 1])
        Receipt.objects.create(
            library=library, date=D(2021, 2, 1 + n % 27), source=gift, copies=n + 1, copies_kk=0
        )
    report = Report.objects.get(organization=organization)
    for code in ("parasat", "zoom", "live", "challenges", "media"):
        SectionText.objects.update_or_create(
            report=report,
            section=code,
            defaults={"text_ru": f"Текст «{code}».", "text_kk": "Мәтін."},
        )


def _page_queries(client, report) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(change_url(report)).status_code == 200
    return len(queries)


def test_the_pages_query_count_does_not_grow_with_the_data(
    client, methodologist, report, organization, library, other_library
):
    """Built afresh (the figures cache emptied) and read from the cache: the same number
    of queries for a few rows and for many."""
    accept_every_handin(report.period)  # the hand-in notes are read as well
    client.force_login(methodologist)
    client.get(change_url(report))  # the session's and the site's first reads
    cache.clear()
    built_small = _page_queries(client, report)
    cached_small = _page_queries(client, report)
    _more_data(organization, library, other_library, 1)
    cache.clear()
    built_one = _page_queries(client, report)
    _more_data(organization, library, other_library, 30)
    cache.clear()
    built_many = _page_queries(client, report)
    cached_many = _page_queries(client, report)
    assert built_one == built_many
    assert cached_small == cached_many < built_small
    assert cached_many <= 20


def test_approval_from_the_page_snapshots_what_the_page_showed(client, methodologist, report):
    accept_every_handin(report.period)
    client.force_login(methodologist)
    client.post(reverse("admin:reports_report_status", args=[report.pk, "submitted"]))
    shown = client.get(change_url(report)).content.decode()
    client.post(
        reverse("admin:reports_report_status", args=[report.pk, "approved"]), {"confirmed": "yes"}
    )
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED
    assert report.snapshot["ru"]["generated"] == timezone.now().date().isoformat()
    frozen = client.get(change_url(report)).content.decode()
    for figure in ("273318", "88068"):
        assert figure in shown and figure in frozen


def test_more_blocks_join_the_contents_and_one_with_forms_comes_after_the_reports_form(
    client, methodologist, report, monkeypatch
):
    """The place other lists about the report use (items without Kazakh text, wordings)."""
    from reports.admin import ReportAdmin
    from reports.page import ReportBlock

    def extra(self, request, report, data):
        template = "reports/admin/report_checks.html"
        return [
            ReportBlock("report-extra", "Ещё один список", template, context={"notes": []}),
            ReportBlock("report-forms", "Список с формами", template, outside_form=True),
        ]

    monkeypatch.setattr(ReportAdmin, "report_extra_blocks", extra)
    client.force_login(methodologist)
    page = client.get(change_url(report)).content.decode()
    toc = page.split('<nav class="report-toc"')[1].split("</nav>")[0]
    assert re.findall(r'href="#([^"]+)"', toc)[-2:] == ["report-extra", "report-forms"]
    form = page.split('id="report_form"')[1].split("</form>")[0]
    assert 'id="report-extra"' in form and 'id="report-forms"' not in form
    assert 'id="report-forms"' in page


def _kazakh_notes(client, report) -> list[str]:
    """The paragraphs under the Kazakh DOCX's «Ескертпелер» (its notes), none if it has none."""
    download = reverse("admin:reports_report_download", args=[report.pk, "docx"])
    document = Document(io.BytesIO(client.get(download + "?language=kk").content))
    texts = [p.text for p in document.paragraphs]
    return texts[texts.index("Ескертпелер") + 1 :] if "Ескертпелер" in texts else []


def _kazakh_checks_sheet(client, report) -> list[tuple]:
    download = reverse("admin:reports_report_download", args=[report.pk, "xlsx"])
    book = openpyxl.load_workbook(io.BytesIO(client.get(download + "?language=kk").content))
    return [tuple(row) for row in book["Тексерулер"].iter_rows(values_only=True)]


def test_the_methodologist_chooses_on_the_page_to_count_items_without_kazakh_in_the_notes(
    client, methodologist, report
):
    """Issue 25: the page lists the items that print as entered; with the choice on, the
    Kazakh DOCX's notes (and the XLSX's «Тексерулер») say how many, the page's number."""
    client.force_login(methodologist)
    client.cookies["django_language"] = "kk"
    page = client.get(change_url(report)).content.decode()
    assert 'name="untranslated_items_noted"' in page
    listed = int(re.search(r"Қазақша мәтіні жоқ жазбалар: (\d+)", page)[1])
    items = page.split('class="items-without-kazakh"')[1].split("</ul>")[0]
    assert items.count("<li>") == listed > 0
    said = f"Қазақша мәтіні жоқ {listed} жазба енгізілген күйінде басылды."
    assert said not in _kazakh_notes(client, report)  # not asked for: not said

    response = client.post(
        change_url(report), {"untranslated": "marked", "untranslated_items_noted": "on"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.untranslated_items_noted
    assert said in _kazakh_notes(client, report)
    assert ("аударылмаған", None, said) in _kazakh_checks_sheet(client, report)
    # The Russian report prints every item as entered anyway: nothing to say there.
    download = reverse("admin:reports_report_download", args=[report.pk, "docx"])
    russian = "\n".join(
        p.text
        for p in Document(io.BytesIO(client.get(download + "?language=ru").content)).paragraphs
    )
    assert "без казахского текста" not in russian

    client.post(change_url(report), {"untranslated": "marked"})  # the box unticked
    report.refresh_from_db()
    assert not report.untranslated_items_noted
    assert not any(said in text for text in _kazakh_notes(client, report))
    assert not any(said in row for row in _kazakh_checks_sheet(client, report))
    assert not any("енгізілген күйінде" in str(row) for row in _kazakh_checks_sheet(client, report))
