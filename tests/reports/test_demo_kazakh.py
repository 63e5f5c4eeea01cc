"""The demo's Kazakh report is Kazakh where the report composes the words: library
abbreviations, page and month words; Russian data prints as entered, wholly."""

import io
import re

import pytest
from django.utils import translation
from docx import Document

from branches.calendar import span_parse
from branches.models import Organization
from demo.data import narrative as narrative_data
from reportkit.sections import SECTIONS
from reports.builder import report_build
from reports.renderers import render_docx

RUSSIAN_TAG = re.compile(r"\((ЦГБ|ЦГДБ|ф№\d)\)")
RUSSIAN_PAGES = re.compile(r"\d+ с\.|С\. \d+")
RUSSIAN_MONTHS = re.compile(
    r"\d+ (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)


@pytest.fixture
def kk_lines(_demo_loaded, db):
    organization = Organization.objects.get(code="balkhash")
    data = report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language="kk"
    )
    document = Document(io.BytesIO(render_docx(data)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [p.text for p in document.paragraphs] + cells


def test_no_russian_library_abbreviation_page_or_month_word(kk_lines):
    text = "\n".join(kk_lines)
    # A Russian library mark only closes an event printed wholly as entered (it has no
    # Kazakh version): never inside a Kazakh frame (tests/reports/test_kazakh_items.py).
    tagged = [line for line in kk_lines if RUSSIAN_TAG.search(line)]
    assert not [line for line in tagged if re.search(r"аясында|кітапхана-филиалы", line)]
    # A Russian document's description keeps its own words: Скляров's six books, the
    # «Северное Прибалхашье» article by А.Жамалов.
    russian_pages = [line for line in kk_lines if RUSSIAN_PAGES.search(line)]
    assert len([line for line in russian_pages if line.startswith("Скляров, Н.")]) == 6
    assert [line for line in russian_pages if not line.startswith("Скляров, Н.")] == [
        line for line in kk_lines if line.startswith("Жамалов, А.")
    ]
    # The one Russian month left is a dedication typed in Russian: «видеопоздравления к 8 марта».
    assert [line for line in kk_lines if RUSSIAN_MONTHS.search(line)] == [
        line
        for line in kk_lines
        if "видеопоздравления к 8 марта" in line or line.startswith("Жамалов, А.")
    ]
    assert "(ОҚК)" in text and "(ОҚБК)" in text and "(№4 филиал)" in text
    assert "Скляров, Н. Моя лирика / Н.Скляров. – Алматы, 2000. – 401 с." in text
    assert "– 30 сәуір (№18). – 7 б." in text


def test_the_untranslated_demo_narrative_is_left_out_of_the_kazakh_docx_and_listed(kk_lines):
    assert not any("[аударылмаған]" in line for line in kk_lines)
    assert not any(line.startswith("На сегодняшний день работы ЦБС") for line in kk_lines)
    # Not silently: the demo's report lists each section without Kazakh text in its notes.
    notes = kk_lines.index("Ескертпелер")
    assert kk_lines[notes + 1] == (
        "Мына бөлімдердің қазақ тіліндегі мәтіні енгізілмеген, сондықтан есепке кірмеді:"
    )
    sections = set(narrative_data.SECTION_TEXTS) | set(narrative_data.SECTION_TEXTS_AFTER)
    with translation.override("kk"):
        titles = [str(s.title) for s in SECTIONS if s.code in sections]
    assert kk_lines[notes + 2 : notes + 2 + len(titles)] == titles
    assert len(titles) == 6
