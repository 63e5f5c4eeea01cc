"""With the demo's wordings, the seed's text items reappear in the Russian DOCX.

A text item of the seed is one of its list items: a bullet («·») or a numbered line
(events, live broadcasts, media, the digitized books) or a row of the publishing
table (a bibliographic description). The per-library paragraphs of «Значимые
литературные события» are prose, not items, and are not counted. An item reappears
when some paragraph or table cell of the demo's Russian DOCX is at least 0.9 alike
(difflib's SequenceMatcher ratio, bullets, end punctuation and runs of spaces aside,
so the seed's stray spaces and typos that the demo corrected still count).
"""

import difflib
import io
import re
from pathlib import Path

import pytest
from docx import Document

from branches.calendar import span_parse
from branches.models import Organization
from events.event_text import EventPhrases
from events.models import Event
from reports.builder import report_build
from reports.renderers import render_docx

SEED = Path("/work/shared/seed/000_88da2b7c4ce5f8b1.txt")
ALIKE = 0.9

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not on this machine")


def normalized(text: str) -> str:
    text = re.sub(r"^\s*(?:·|•|\d+\.)\s*", "", text)
    text = re.sub(r"\s+", " ", text.replace("\xa0", " "))
    return text.strip().rstrip(" ;.,").strip()


def seed_items() -> list[str]:
    items = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*(?:·|\d+\.\s*\S)", line) or (
            line.startswith("\t") and ("//" in line or " / " in line)
        ):
            text = normalized(line)
            if len(text) > 3:
                items.append(text)
    return items


def docx_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return [normalized(t) for t in texts if t.strip()]


def alike(item: str, texts: list[str]) -> bool:
    """Whether one of the texts is at least ALIKE similar to the item (difflib's ratio);
    the cheap upper bounds of the ratio skip the texts that cannot be."""
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(item)
    for text in texts:
        matcher.set_seq1(text)
        if (
            matcher.real_quick_ratio() >= ALIKE
            and matcher.quick_ratio() >= ALIKE
            and matcher.ratio() >= ALIKE
        ):
            return True
    return False


@pytest.fixture
def organization(_demo_loaded, db):
    return Organization.objects.get(code="balkhash")


def russian_docx(organization) -> list[str]:
    data = report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    return docx_texts(Document(io.BytesIO(render_docx(data))))


def test_the_seed_has_its_list_items():
    items = seed_items()
    assert len(items) > 130
    assert "час поэзии «Өрен жүйрік, өшпес бейне» к 175-летию Ж.Жабаева (ЦГДБ)" in items


def test_nine_in_ten_seed_items_reappear_in_the_russian_docx(organization):
    texts = russian_docx(organization)
    items = seed_items()
    missing = [item for item in items if not alike(item, texts)]
    share = 1 - len(missing) / len(items)
    assert share >= 0.9, f"{share:.0%} of {len(items)}; missing:\n" + "\n".join(missing)


def test_without_the_wordings_the_composed_lines_print(organization):
    """The wordings are what bring the seed's sentences back; without them each event
    prints the line composed from its fields, as before."""
    worded = list(Event.objects.exclude(wording_ru=""))
    assert len(worded) >= 20
    with_wordings = russian_docx(organization)
    Event.objects.filter(pk__in=[e.pk for e in worded]).update(wording_ru="")
    without = russian_docx(organization)
    phrases = EventPhrases("ru")
    for event in worded:
        assert normalized(event.wording_ru) in with_wordings
        assert normalized(event.wording_ru) not in without
    # An event no alike neighbour joins prints its composed line as is.
    alone = [e for e in worded if not e.series]
    assert any(normalized(phrases.composed(e)) in without for e in alone)
    items = seed_items()
    before = sum(alike(i, without) for i in items) / len(items)
    after = sum(alike(i, with_wordings) for i in items) / len(items)
    assert before < after
