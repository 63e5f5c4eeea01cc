import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError

from branches.calendar import SpanError, span_parse
from branches.scoping import DIRECTOR, METHODOLOGIST
from reportkit.sections import SECTION_CHOICES, SECTIONS
from reports.models import Report, SectionText


def test_sections_follow_the_seed_order():
    codes = [section.code for section in SECTIONS]
    assert codes[:8] == [
        "network", "control", "resources", "mass_work", "local_history", "bibliography",
        "publishing", "media",
    ]  # fmt: skip
    assert codes[-1] == "totals"
    assert dict(SECTION_CHOICES)["resources"].startswith("III. Библиотечные ресурсы")


def test_a_period_has_at_most_one_report(organization, period):
    Report.objects.create(organization=organization, period=period)
    with pytest.raises(IntegrityError):
        Report.objects.create(organization=organization, period=period)


def test_a_section_has_one_text_per_report(organization, period):
    report = Report.objects.create(organization=organization, period=period)
    SectionText.objects.create(report=report, section="parasat", text_ru="Текст")
    with pytest.raises(IntegrityError):
        SectionText.objects.create(report=report, section="parasat", text_ru="Ещё")


def test_a_kazakh_text_is_empty_until_written(organization, period):
    # The builder, not the model, decides what a missing translation prints.
    report = Report.objects.create(organization=organization, period=period)
    text = SectionText.objects.create(report=report, section="media", text_ru="Текст")
    assert text.text("kk") == ""
    text.text_kk = "Мәтін"
    assert text.text("kk") == "Мәтін"


@pytest.mark.django_db
def test_the_methodologist_may_do_everything_and_the_director_only_view():
    methodologist = set(
        Group.objects.get(name=METHODOLOGIST).permissions.values_list("codename", flat=True)
    )
    director = set(Group.objects.get(name=DIRECTOR).permissions.values_list("codename", flat=True))
    assert {"add_report", "change_report", "approve_report", "change_sectiontext"} <= methodologist
    assert director >= {"view_report", "view_sectiontext"}
    assert not {c for c in director if c.endswith(("report", "sectiontext"))} - {
        "view_report",
        "view_sectiontext",
    }


def test_a_half_year_and_a_year_are_spans(organization, period):
    half = span_parse(organization, "2021-H1")
    assert (half.start.isoformat(), half.end.isoformat(), half.code) == (
        "2021-01-01", "2021-06-30", "2021-H1",
    )  # fmt: skip
    assert half.label == "1 полугодие 2021 года"
    assert half.end_label == "на 01.07.2021"
    year = span_parse(organization, "2021")
    assert (year.start.isoformat(), year.end.isoformat(), year.is_year) == (
        "2021-01-01", "2021-12-31", True,
    )  # fmt: skip
    assert year.label == "2021 год"


@pytest.mark.parametrize("code", ["2021-H3", "H1", "", "2021-1"])
def test_a_malformed_period_code_is_refused_in_russian(organization, code):
    with pytest.raises(SpanError, match="задан неверно"):
        span_parse(organization, code)


def test_a_period_the_organization_does_not_have_is_refused(organization, period):
    with pytest.raises(SpanError, match="нет отчётного периода 2022-H1"):
        span_parse(organization, "2022-H1")


def test_the_status_steps_follow_the_one_table_of_transitions():
    from reports.services import status_steps

    assert status_steps("draft", "approved") == ["submitted", "approved"]
    assert status_steps("submitted", "draft") == ["draft"]
    assert status_steps("draft", "draft") == []
    assert status_steps("approved", "draft") is None
    assert status_steps("draft", "archived") is None
