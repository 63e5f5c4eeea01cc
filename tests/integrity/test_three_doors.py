"""Three doors into an approved half-year, closed at the data layer: its report's
narrative, the social pages its report printed, and the plans it read. Each is
tried through the admin, `import_data`, the admin import (where the kind has one),
a queryset and the shell."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import translation

from branches.facts import WriteRefused
from branches.models import Platform, ReportingPeriod, SocialPage
from indicators.models import IndicatorPlan
from reports.models import Report, SectionText
from tests.admin.posting import admin_url
from tests.dataio.conftest import workbook_bytes
from tests.integrity.helpers import import_rows

TEXT_CLOSED = "Отчёт за 1 полугодие 2021 года утверждён: тексты его разделов больше нельзя менять."
PAGE_PRINTED = "Эта страница напечатана в утверждённом отчёте"
PERIOD_CLOSED = "Период «1 полугодие 2021 года» утверждён: его данные больше нельзя менять."


def approve(period):
    """The half-year approved as the report's workflow leaves it (the period's status
    is what the data layer reads)."""
    Report.objects.filter(period=period).update(status=Report.Status.APPROVED)
    period.status = ReportingPeriod.Status.APPROVED
    period.save()


# --- the narrative of an approved report --------------------------------------------


@pytest.fixture
def approved_text(organization, period):
    report = Report.objects.create(organization=organization, period=period)
    text = SectionText.objects.create(report=report, section="parasat", text_ru="Как было")
    approve(period)
    return text


def test_the_reports_page_refuses_the_approved_narrative(client, methodologist, approved_text):
    client.force_login(methodologist)
    url = admin_url(Report, "change", approved_text.report_id)
    response = client.post(url, {"text_ru__parasat": "Иначе", "_continue": "1"})
    assert response.status_code == 403
    assert SectionText.objects.get().text_ru == "Как было"


def test_import_data_does_not_rewrite_the_approved_narrative(tmp_path, approved_text):
    row = {"Отчёт": "2021-H1", "Раздел": "parasat", "Текст (рус.)": "Иначе"}
    error = import_rows(tmp_path, "Тексты разделов", [row])
    assert error is not None and TEXT_CLOSED in str(error)
    assert SectionText.objects.get().text_ru == "Как было"


def test_import_data_adds_no_text_to_the_approved_report(tmp_path, approved_text):
    row = {"Отчёт": "2021-H1", "Раздел": "media", "Текст (рус.)": "Новый"}
    error = import_rows(tmp_path, "Тексты разделов", [row])
    assert error is not None and TEXT_CLOSED in str(error)
    assert SectionText.objects.count() == 1


def test_no_shell_or_queryset_write_changes_the_approved_narrative(approved_text):
    approved_text.text_ru = "Иначе"
    with pytest.raises(WriteRefused, match=TEXT_CLOSED):
        approved_text.save()
    with pytest.raises(WriteRefused):
        SectionText.objects.update(text_ru="Иначе")
    with pytest.raises(WriteRefused):
        SectionText.objects.all().delete()
    with pytest.raises(WriteRefused):
        SectionText.objects.get().delete()
    with pytest.raises(WriteRefused):
        SectionText.objects.bulk_create(
            [SectionText(report=approved_text.report, section="media", text_ru="Новый")]
        )
    with pytest.raises(WriteRefused), transaction.atomic():
        Report.objects.filter(pk=approved_text.report_id).delete()  # a cascade
    assert list(SectionText.objects.values_list("text_ru", flat=True)) == ["Как было"]


def test_the_narrative_of_a_report_not_yet_approved_is_still_written(organization, period):
    report = Report.objects.create(organization=organization, period=period)
    text = SectionText.objects.create(report=report, section="parasat", text_ru="Черновик")
    SectionText.objects.filter(pk=text.pk).update(text_ru="Правка")
    assert SectionText.objects.get().text_ru == "Правка"
    report.delete()
    assert not SectionText.objects.exists()


# --- the social pages an approved report printed ----------------------------------


@pytest.fixture
def printed_page(organization, library, period):
    page = SocialPage.objects.create(
        organization=organization,
        library=library,
        platform=Platform.objects.get(code="facebook"),
        url="https://fb.com/cgb",
    )
    approve(period)
    page.refresh_from_db()
    return page


def page_form(page, **extra):
    return {"organization": page.organization_id, "library": page.library_id,
            "platform": page.platform_id, "url": page.url, **extra}  # fmt: skip


def test_approval_marks_the_pages_it_printed(printed_page):
    assert printed_page.printed


def test_the_admin_shows_a_printed_page_read_only_and_refuses_every_write(
    client, methodologist, printed_page
):
    client.force_login(methodologist)
    change = admin_url(SocialPage, "change", printed_page.pk)
    assert client.post(change, page_form(printed_page, url="https://fb.com/new")).status_code == 403
    delete = admin_url(SocialPage, "delete", printed_page.pk)
    assert client.post(delete, {"post": "yes"}).status_code == 403
    data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [printed_page.pk], "post": "yes"}
    client.post(admin_url(SocialPage, "changelist"), data)
    first = printed_page.history.earliest()
    revert = admin_url(SocialPage, "simple_history", printed_page.pk, first.history_id)
    assert client.post(revert, page_form(printed_page)).status_code == 403
    assert SocialPage.objects.get().url == "https://fb.com/cgb"


def test_no_shell_or_queryset_write_changes_a_printed_page(printed_page, library):
    printed_page.url = "https://fb.com/new"
    with pytest.raises(WriteRefused, match=PAGE_PRINTED):
        printed_page.save()
    printed_page.refresh_from_db()
    printed_page.printed = False  # no way round it either
    with pytest.raises(WriteRefused):
        printed_page.save()
    with pytest.raises(WriteRefused):
        SocialPage.objects.update(url="https://fb.com/new")
    with pytest.raises(WriteRefused):
        SocialPage.objects.bulk_update(
            [SocialPage(pk=printed_page.pk, url="https://fb.com/new")], ["url"]
        )
    with pytest.raises(WriteRefused), transaction.atomic():
        SocialPage.objects.all().delete()
    with pytest.raises(WriteRefused), transaction.atomic():
        SocialPage.objects.get().delete()
    with pytest.raises(WriteRefused), transaction.atomic():
        library.social_pages.all().delete()
    page = SocialPage.objects.get()
    assert (page.url, page.printed) == ("https://fb.com/cgb", True)


def test_a_new_page_is_added_beside_a_printed_one_and_stays_editable(
    client, methodologist, organization, library, printed_page
):
    client.force_login(methodologist)
    data = page_form(printed_page, url="https://fb.com/cgb-new")
    assert client.post(admin_url(SocialPage, "add"), data).status_code == 302
    new = SocialPage.objects.get(url="https://fb.com/cgb-new")
    assert not new.printed
    new.url = "https://fb.com/cgb-2"
    new.save()
    new.delete()
    assert list(SocialPage.objects.values_list("url", flat=True)) == ["https://fb.com/cgb"]


def test_import_data_adds_a_page_but_the_printed_one_stays(tmp_path, printed_page):
    row = {"Библиотека": "cgb", "Платформа": "instagram", "Ссылка": "https://instagram.com/cgb"}
    assert import_rows(tmp_path, "Страницы в соцсетях", [row]) is None
    assert SocialPage.objects.get(pk=printed_page.pk).url == "https://fb.com/cgb"
    assert not SocialPage.objects.get(url="https://instagram.com/cgb").printed


# --- the plans an approved half-year read -------------------------------------------


@pytest.fixture
def approved_plan(library, period):
    plan = IndicatorPlan.objects.create(library=library, year=2021, users=100, visits=1000)
    approve(period)
    return plan


def plan_form(library, **extra):
    return {"library": library.pk, "year": 2021, "half": "", "users": 100, "visits": 1000,
            "loans": 0, **extra}  # fmt: skip


def test_the_admin_refuses_a_plan_an_approved_half_year_read(
    client, methodologist, library, approved_plan
):
    client.force_login(methodologist)
    change = admin_url(IndicatorPlan, "change", approved_plan.pk)
    assert client.post(change, plan_form(library, visits=5)).status_code == 403
    delete = admin_url(IndicatorPlan, "delete", approved_plan.pk)
    assert client.post(delete, {"post": "yes"}).status_code == 403
    response = client.post(admin_url(IndicatorPlan, "add"), plan_form(library, half=1, users=5))
    assert PERIOD_CLOSED in response.content.decode()
    assert list(IndicatorPlan.objects.values_list("visits", flat=True)) == [1000]


def test_no_shell_or_queryset_write_changes_a_plan_an_approved_half_year_read(
    library, approved_plan
):
    approved_plan.visits = 5
    with pytest.raises(WriteRefused, match=PERIOD_CLOSED):
        approved_plan.save()
    with pytest.raises(WriteRefused):
        IndicatorPlan.objects.update(visits=5)
    with pytest.raises(WriteRefused):
        IndicatorPlan.objects.all().delete()
    with pytest.raises(WriteRefused):
        IndicatorPlan.objects.get().delete()
    with pytest.raises(WriteRefused):
        IndicatorPlan.objects.bulk_create([IndicatorPlan(library=library, year=2021, half=1)])
    with pytest.raises(WriteRefused):
        IndicatorPlan.objects.bulk_update(
            [IndicatorPlan(pk=approved_plan.pk, visits=5)], ["visits"]
        )
    assert list(IndicatorPlan.objects.values_list("visits", flat=True)) == [1000]


def test_a_plan_of_a_half_year_not_approved_is_still_written(library, approved_plan):
    ReportingPeriod.objects.create(organization=library.organization, year=2021, half=2)
    plan = IndicatorPlan.objects.create(library=library, year=2021, half=2, users=1)
    IndicatorPlan.objects.filter(pk=plan.pk).update(users=2)
    plan.refresh_from_db()
    assert plan.users == 2
    plan.delete()


def test_import_data_adds_no_plan_to_an_approved_half_year(tmp_path, approved_plan):
    row = {"Библиотека": "cgb", "Год": 2021, "Полугодие": 1, "Пользователей": 5}
    error = import_rows(tmp_path, "Планы показателей", [row])
    assert error is not None and PERIOD_CLOSED in str(error)
    assert IndicatorPlan.objects.count() == 1


def test_the_admin_import_adds_no_plan_to_an_approved_half_year(
    client, methodologist, approved_plan
):
    methodologist.user_permissions.add(*Permission.objects.filter(codename="add_indicatorplan"))
    client.force_login(methodologist)
    headers = ["Библиотека", "Год", "Полугодие", "Пользователей", "Посещений", "Книговыдача"]
    data = workbook_bytes({"Планы показателей": [headers, ["cgb", 2021, 1, 5, 5, 5]]})
    response = client.post(
        admin_url(IndicatorPlan, "import"),
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("p.xlsx", data)},
        follow=True,
    )
    assert PERIOD_CLOSED in response.content.decode()
    assert IndicatorPlan.objects.count() == 1


def test_the_refusals_speak_kazakh_too(organization, library, period):
    report = Report.objects.create(organization=organization, period=period)
    text = SectionText.objects.create(report=report, section="parasat", text_ru="Как было")
    page = SocialPage.objects.create(organization=organization, library=library,
                                     platform=Platform.objects.get(code="facebook"),
                                     url="https://fb.com/cgb")  # fmt: skip
    plan = IndicatorPlan.objects.create(library=library, year=2021, users=100)
    approve(period)
    with translation.override("kk"):
        with pytest.raises(
            WriteRefused,
            match="«2021 жылдың 1-жартыжылдығы» есебі бекітілген: оның бөлім мәтіндерін",
        ):
            text.save()
        # (a delete's cascade runs in the caller's transaction: each try in its own)
        with pytest.raises(WriteRefused, match="Бұл парақша бекітілген есепте басылды"):
            with transaction.atomic():
                page.delete()
        with pytest.raises(WriteRefused, match="«2021 жылдың 1-жартыжылдығы» кезеңі бекітілген"):
            plan.delete()
