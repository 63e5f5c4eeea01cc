"""The demo's report of H1 2021: a draft with the seed's narrative per section."""

from django.core.management import call_command

from reportkit.sections import SECTION_BY_CODE
from reports.models import Report, SectionText


def test_the_demo_creates_the_draft_report_of_the_half_year(demo_period):
    report = Report.objects.get(period=demo_period)
    assert report.status == Report.Status.DRAFT


def test_narrative_texts_are_the_seeds_paragraphs_per_section(demo_period):
    texts = {
        section: f"{before}\n\n{after}"
        for section, before, after in SectionText.objects.filter(
            report__period=demo_period
        ).values_list("section", "text_ru", "text_after_ru")
    }
    assert set(texts) <= set(SECTION_BY_CODE)
    assert texts["parasat"].startswith("По инициативе Агентства Республики Казахстан")
    assert "С 10 марта начали свою деятельность" in texts["parasat"]
    assert "Дипломов ІІ степени удостоены" in texts["kitap_fest"]
    after = SectionText.objects.get(report__period=demo_period, section="kitap_fest")
    assert after.text_after_ru.startswith("Также были подведены итоги")
    assert texts["events"].startswith("На сегодняшний день работы ЦБС в онлайн-режиме")
    assert "«30 книг – 30-летию Независимости»" in texts["one_country_one_book"]
    assert texts["children_reading"].startswith("С целью повышения статуса чтения")


def test_a_submitted_report_keeps_its_edited_text_when_the_demo_is_reloaded(demo_period):
    report = Report.objects.get(period=demo_period)
    report.status = Report.Status.SUBMITTED
    report.save()
    SectionText.objects.filter(report=report, section="parasat").update(text_ru="Свой текст")
    call_command("load_demo")
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    assert SectionText.objects.get(report=report, section="parasat").text_ru == "Свой текст"
