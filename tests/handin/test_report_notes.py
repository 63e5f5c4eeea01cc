"""Checks with their explanations reach the report: its page and its XLSX; emails
go out in the receiver's language."""

import io

import openpyxl
from django.core import mail

from handin import services
from handin.models import Explanation
from reports.models import Report
from reports.renderers.xlsx import render_xlsx
from reports.services import report_data


def test_the_xlsx_lists_the_checks_with_their_explanations(loop_data, organization, librarian):
    Explanation.objects.create(
        period=loop_data, library=librarian.staff_profile.library,
        key="changed_much:cgb:received", text="Подарок акимата.", author=librarian,
    )  # fmt: skip
    report = Report.objects.create(organization=organization, period=loop_data)
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(report_data(report, "ru"))))
    rows = [row for row in workbook["Проверки"].iter_rows(values_only=True)]
    (row,) = [r for r in rows if r[2] and "«Поступило, экз.» – 300" in r[2]]
    assert row[0] == "внимание"
    assert "Пояснение: Подарок акимата. (lib-cgb, " in row[2]
    kazakh = report_data(report, "kk").notes
    assert any("«Түсті, дана» – 300" in note.text for note in kazakh)


def test_the_report_page_shows_the_explanation(client, methodologist, loop_data, organization):
    Explanation.objects.create(
        period=loop_data, key="changed_much:cgb:received", text="Подарок акимата.",
    )  # fmt: skip
    report = Report.objects.create(organization=organization, period=loop_data)
    client.force_login(methodologist)
    page = client.get(f"/admin/reports/report/{report.pk}/change/").content.decode()
    assert "Подарок акимата." in page


def test_the_return_email_speaks_the_librarians_language(
    librarian, methodologist, loop_data, library, django_capture_on_commit_callbacks
):
    from branches.handins import HandIn

    librarian.email = "cgb@example.kz"
    librarian.save()
    profile = librarian.staff_profile
    profile.language = "kk"
    profile.save()
    HandIn.objects.create(library=library, period=loop_data, state="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        services.handin_return(
            library=library, period=loop_data, user=methodologist, comment="Күнін тексеріңіз."
        )
    (message,) = mail.outbox
    assert message.to == ["cgb@example.kz"]
    assert (
        message.subject
        == "ЦГБ «2021 жылдың 1-жартыжылдығы» кезеңінің деректері түзетуге қайтарылды"
    )
    assert "Түсініктеме: Күнін тексеріңіз." in message.body


def test_checks_the_report_makes_itself_are_not_printed_twice(flawed_data, organization):
    report = Report.objects.create(organization=organization, period=flawed_data)
    texts = [note.text for note in report_data(report, "ru").notes]
    assert not any("ниже нуля –" in text for text in texts)  # the report's own note says it
    assert any("«Поступило, экз.» – 300" in text for text in texts)
    assert any("по платформам в сумме" in text for text in texts)
