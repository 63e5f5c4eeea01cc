"""The demo's Kazakh report is Kazakh where the report composes the words: library
abbreviations, page and month words; Russian data prints as entered, wholly."""

import io
import re

import pytest
from docx import Document

from branches.calendar import span_parse
from branches.models import Organization
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
    assert not RUSSIAN_PAGES.findall(text)
    # The one Russian month left is a dedication typed in Russian: «видеопоздравления к 8 марта».
    assert [line for line in kk_lines if RUSSIAN_MONTHS.search(line)] == [
        line for line in kk_lines if "видеопоздравления к 8 марта" in line
    ]
    assert "(ОҚК)" in text and "(ОҚБК)" in text and "(№4 филиал)" in text
    assert "Скляров, Н. Моя лирика / Н.Скляров. – Алматы, 2000. – 401 б." in text
    assert "– 30 сәуір (№18). – 7 б." in text


def test_the_untranslated_demo_narrative_is_left_out_of_the_kazakh_docx(kk_lines):
    assert not any("[аударылмаған]" in line for line in kk_lines)
    assert not any(line.startswith("На сегодняшний день работы ЦБС") for line in kk_lines)
