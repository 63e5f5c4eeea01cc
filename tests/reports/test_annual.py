"""The annual report (issue 27): the half-year's sections for the year, then the annual
sections in their order with their narrative, the conclusions and the signature; in
ru and kk, DOCX and XLSX, on the demo with its illustrative second half of 2021."""

import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from branches.calendar import span_parse
from branches.models import Organization, ReportingPeriod
from demo.data import second_half as h2
from demo.organization import ORGANIZATION
from demo.second_half import demo_second_half_load
from reportkit import parts
from reportkit import sections as S
from reportkit.data import Paragraph
from reportkit.parts import Part, annual_parts_in_order, register_part
from reports.builder import report_build
from reports.models import Report, SectionText
from reports.renderers import render_docx, render_xlsx

pytestmark = pytest.mark.django_db
ANNUAL = [definition.code for definition in S.ANNUAL_SECTIONS]
HALF_YEAR = [definition.code for definition in S.SECTIONS]


@pytest.fixture(scope="module")
def annual(_demo_loaded, django_db_blocker):
    """The demo with its second half, and its 2021 report in both languages and formats,
    made once for the module (its transaction rolls the second half back at its end)."""
    with django_db_blocker.unblock():
        organization = Organization.objects.get(code="balkhash")
        demo_second_half_load(organization)
        span = span_parse(organization, "2021")
        made = {}
        for language in ("ru", "kk"):
            data = report_build(organization=organization, span=span, language=language)
            made[language] = (data, render_docx(data), render_xlsx(data))
        return made


def docx_lines(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text.strip()]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_year_report_has_every_section_then_the_signature(annual, language):
    data, docx, xlsx = annual[language]
    printed = [section.code for section in data.sections]
    assert printed == HALF_YEAR + ANNUAL
    assert [line[1] for line in data.signature] == [
        ORGANIZATION["director_name"], ORGANIZATION["executor_name"], ORGANIZATION["phone"],
    ]  # fmt: skip
    # Each annual section prints its narrative in the report's language; one no part is
    # registered for says «нет данных» where its figures would be (never a zero).
    filled = {code for part in annual_parts_in_order() for code in part.sections}
    for code in ANNUAL:
        section = data.section(code)
        assert section.narrative == h2.ANNUAL_TEXTS[code][0 if language == "ru" else 1]
        if code != S.CONCLUSIONS and code not in filled:
            assert section.blocks[-1].text == ("нет данных" if language == "ru" else "деректер жоқ")
    conclusions = data.section(S.CONCLUSIONS)
    assert conclusions.blocks == [] and len(conclusions.narrative_before) == 2

    lines = docx_lines(docx)
    titles = [section.title for section in data.sections if section.heading]
    at = 0
    for title in titles:  # every section's title, in order
        at = lines.index(title, at) + 1
    position = ORGANIZATION[f"director_position_{language}"]
    signature = next(i for i, line in enumerate(lines) if line.startswith(position))
    assert lines[signature].endswith(ORGANIZATION["director_name"])
    assert signature > lines.index(data.section(S.CONCLUSIONS).title)
    assert ORGANIZATION["phone"] in lines[signature + 2]

    book = load_workbook(io.BytesIO(xlsx))
    expected = (
        ["Структура фонда", "Выводы"] if language == "ru" else ["Қор құрылымы", "Қорытындылар"]
    )
    assert set(expected) <= set(book.sheetnames)
    first = [
        [cell for cell in row if cell is not None]
        for row in book.worksheets[0].iter_rows(values_only=True)
    ]
    assert first[-3:] == [list(line) for line in data.signature]


def test_the_illustrative_second_half_says_so_and_the_fund_adds_up_over_the_year(annual):
    data = annual["ru"][0]
    assert data.section(S.NETWORK).narrative_before[-1] == h2.MARK["ru"]
    fund = data.section(S.RESOURCES).tables()[0]
    start, start_kk, received, received_kk, out, out_kk, end, end_kk = fund.rows[-1].cells[1:]
    assert (end, end_kk) == (start + received - out, start_kk + received_kk - out_kk)
    h2_received = sum(row["copies"] for row in h2.RECEIPTS)
    h2_out = sum(row["copies"] for row in h2.WRITE_OFFS)
    # The first half's end (the seed's 273318) moved by the second half's rows.
    assert end == 273318 + h2_received - h2_out == 272543
    assert data.subtitle == "за 2021 год"


def test_a_half_year_report_prints_no_annual_section_and_no_signature(annual):
    organization = Organization.objects.get(code="balkhash")
    for code in ("2021-H1", "2021-H2"):
        data = report_build(organization=organization, span=span_parse(organization, code))
        assert [s.code for s in data.sections] == HALF_YEAR
        assert data.signature == []


def test_an_annual_part_is_built_for_a_year_only(annual, monkeypatch):
    organization = Organization.objects.get(code="balkhash")
    monkeypatch.setattr(parts, "_PARTS", dict(parts._PARTS))
    built = []

    def build(context, read):
        built.append(context.span.code)
        return [Paragraph(f"{read} за {context.span.label}")]

    register_part(Part(sections=(S.FUND_STRUCTURE,), build=build, read=lambda context: "Фонд"))
    # It replaces the part an app registered for the section (collection's), if any.
    assert [p.build for p in annual_parts_in_order() if p.sections == (S.FUND_STRUCTURE,)] == [
        build
    ]
    year = report_build(organization=organization, span=span_parse(organization, "2021"))
    section = year.section(S.FUND_STRUCTURE)
    assert section.narrative == h2.ANNUAL_TEXTS[S.FUND_STRUCTURE][0]
    assert [b.text for b in section.blocks] == ["Фонд за 2021 год"]  # no «нет данных»
    report_build(organization=organization, span=span_parse(organization, "2021-H1"))
    assert built == ["2021"]


def test_a_part_may_not_mix_half_year_and_annual_sections_nor_fill_the_conclusions():
    with pytest.raises(ValueError):
        register_part(Part(sections=(S.TOTALS, S.FUND_STRUCTURE), build=lambda c, r: []))
    with pytest.raises(ValueError):
        register_part(Part(sections=(S.CONCLUSIONS,), build=lambda c, r: []))


def test_the_second_half_years_page_edits_the_annual_narrative(annual, client, django_user_model):
    from branches.scoping import METHODOLOGIST
    from tests.conftest import make_user

    organization = Organization.objects.get(code="balkhash")
    user = make_user(django_user_model, "annual-methodist", METHODOLOGIST, organization)
    period = ReportingPeriod.objects.get(organization=organization, year=2021, half=2)
    report = Report.objects.get(period=period)
    url = reverse("admin:reports_report_change", args=[report.pk])
    client.force_login(user)
    page = client.get(url).content.decode()
    assert 'name="text_kk__conclusions"' in page and "Выводы и проблемы" in page
    response = client.post(url, {"text_ru__partners": "Акимат города.", "_continue": "1"})
    assert response.status_code == 302
    assert SectionText.objects.get(report=report, section="partners").text_ru == "Акимат города."
    first = Report.objects.get(period__organization=organization, period__year=2021, period__half=1)
    page = client.get(reverse("admin:reports_report_change", args=[first.pk])).content.decode()
    assert 'name="text_ru__conclusions"' not in page


def test_the_annual_xlsx_recalculates_to_what_it_prints(annual):
    from tests.recalc import disagreements, require_soffice

    require_soffice()
    assert disagreements(annual["ru"][2]) == []


def test_the_methodologist_sees_the_signature_settings_on_the_organizations_page(
    annual, client, django_user_model
):
    from django.utils import translation

    organization = Organization.objects.get(code="balkhash")
    client.force_login(django_user_model.objects.get(username="methodist"))  # the demo's
    url = reverse("admin:branches_organization_change", args=[organization.pk])
    page = client.get(url).content.decode()
    for name in ("director_position_ru", "director_position_kk", "director_name", "phone"):
        assert f'name="{name}"' in page
    assert ORGANIZATION["director_name"] in page
    field = Organization._meta.get_field("executor_name")
    with translation.override("kk"):
        assert str(field.verbose_name) == "есепті орындаушы (Т.А.Ә.)"


def test_the_signature_keeps_the_place_to_sign_and_leaves_out_what_is_not_entered(annual):
    organization = Organization.objects.get(code="balkhash")
    organization.director_name = organization.executor_name = organization.phone = ""
    organization.save()
    data = report_build(organization=organization, span=span_parse(organization, "2021"))
    assert data.signature == [[ORGANIZATION["director_position_ru"], ""]]
    lines = docx_lines(render_docx(data))
    assert any(line.startswith(ORGANIZATION["director_position_ru"]) for line in lines)
