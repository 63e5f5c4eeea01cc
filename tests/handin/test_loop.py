"""The whole hand-in loop as the three roles: enter → checks → explain → submit →
return with a comment → fix → submit → accept → approve, and every refusal on the way."""

import datetime

import pytest
from django.core import mail

from branches.handins import HandIn
from handin.models import Explanation
from holdings.models import Receipt
from reports.models import Report
from reports.services import HANDINS_NOT_ACCEPTED, report_set_status
from tests.admin.posting import admin_url, form_errors, post_add, post_change
from tests.holdings.test_admin_validation import receipt

# The answer to the question a locking move asks first (handin/views.py).
CONFIRMED = {"confirmed": "yes"}


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def state(library, period) -> str:
    handin = HandIn.objects.filter(library=library, period=period).first()
    return handin.state if handin else "draft"


@pytest.fixture
def people(librarian, other_librarian, methodologist, director):
    for user, email in (
        (librarian, "cgb@example.kz"),
        (other_librarian, "f4@example.kz"),
        (methodologist, "method@example.kz"),
    ):
        user.email = email
        user.save()
    return librarian, other_librarian, methodologist, director


def test_the_whole_loop(
    client, people, loop_data, library, organization, django_capture_on_commit_callbacks
):
    librarian, other_librarian, methodologist, director = people

    def post(url, data=None):
        # Mail leaves when the transaction commits: run those callbacks here.
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, follow=True)

    period = loop_data
    submit = f"/handin/cgb/{period.pk}/submit/"

    # The librarian's home: the warning, what is entered, the button.
    client.force_login(librarian)
    home = client.get("/")
    page = home.content.decode()
    assert "Сдать данные" in page
    assert "«Поступило, экз.» – 300" in page
    (warning,) = home.context["results"]

    # Submitting with an unexplained warning is refused and changes nothing.
    response = client.post(submit, CONFIRMED, follow=True)
    assert messages_of(response) == ["Нельзя сдать данные: не пояснено предупреждений – 1."]
    assert state(library, period) == "draft"

    # Explain, then submit: the methodologist is told by email.
    response = client.post(
        f"/handin/{period.pk}/explain/",
        {"key": warning.key, "text": "Получили подарок от акимата."},
        follow=True,
    )
    assert messages_of(response) == ["Пояснение сохранено."]
    explanation = Explanation.objects.get(period=period, key=warning.key)
    assert explanation.author == librarian
    response = post(submit, CONFIRMED)
    assert messages_of(response) == ["Данные сданы методисту."]
    assert state(library, period) == "submitted"
    assert [m.to for m in mail.outbox] == [["method@example.kz"]]
    assert "ЦГБ" in mail.outbox[0].subject

    # Submitted: the librarian can no longer add, change or delete its rows.
    row = Receipt.objects.get(library=library, date=datetime.date(2021, 2, 1))
    response = post_add(client, Receipt, receipt(library))
    assert "сданы" in " ".join(form_errors(response))
    assert post_change(client, row, receipt(library, copies=301)).status_code == 403
    assert client.post(admin_url(Receipt, "delete", row.pk), {"post": "yes"}).status_code == 403
    assert Receipt.objects.filter(library=library).count() == 2

    # The methodologist's overview; returning without a comment is refused.
    client.force_login(methodologist)
    overview = client.get("/")
    rows = {row.library.code: row for row in overview.context["rows"]}
    assert rows["cgb"].state == "submitted" and rows["cgb"].submitted.user == librarian
    assert rows["cgb"].explained == 1 and rows["cgb"].warnings == 1
    assert "Получили подарок от акимата." in overview.content.decode()
    response = client.post(f"/handin/cgb/{period.pk}/return/", {"comment": "  "}, follow=True)
    assert messages_of(response) == [
        "Напишите, что исправить: без комментария данные не возвращаются."
    ]
    assert state(library, period) == "submitted"
    post(f"/handin/cgb/{period.pk}/return/", {"comment": "Проверьте дату поступления."})
    assert state(library, period) == "returned"
    assert mail.outbox[-1].to == ["cgb@example.kz"]
    assert "Проверьте дату поступления." in mail.outbox[-1].body

    # Returned: the librarian fixes the row and submits again.
    client.force_login(librarian)
    home = client.get("/").content.decode()
    assert "Проверьте дату поступления." in home
    response = post_change(client, row, receipt(library, date="01.02.2021", copies=301))
    assert response.status_code == 302
    client.post(submit, CONFIRMED)
    assert state(library, period) == "submitted"

    # The report can't be submitted while ф№4 has not handed in.
    client.force_login(methodologist)
    post(f"/handin/cgb/{period.pk}/accept/", CONFIRMED)
    assert state(library, period) == "accepted"
    assert mail.outbox[-1].to == ["cgb@example.kz"]
    report = Report.objects.create(organization=organization, period=period)
    with pytest.raises(Exception) as refused:
        report_set_status(report=report, status=Report.Status.SUBMITTED)
    assert str(HANDINS_NOT_ACCEPTED) in str(refused.value)

    client.force_login(other_librarian)
    client.post(f"/handin/f4/{period.pk}/submit/", CONFIRMED)
    client.force_login(methodologist)
    client.post(f"/handin/f4/{period.pk}/accept/", CONFIRMED)
    report_set_status(report=report, status=Report.Status.SUBMITTED)
    report_set_status(report=report, status=Report.Status.APPROVED)
    period.refresh_from_db()
    assert period.status == "approved"

    # The director keeps the dashboard.
    client.force_login(director)
    assert client.get("/").url == "/dashboard/"

    # Every move was kept with who and when.
    moves = [
        (t.from_state, t.to_state, t.user.username)
        for t in HandIn.objects.get(library=library, period=period).transitions.all()
    ]
    assert moves == [
        ("draft", "submitted", "lib-cgb"),
        ("submitted", "returned", "methodist"),
        ("returned", "submitted", "lib-cgb"),
        ("submitted", "accepted", "methodist"),
    ]


def test_submitting_with_an_error_is_refused(client, librarian, flawed_data, library):
    client.force_login(librarian)
    response = client.post(f"/handin/cgb/{flawed_data.pk}/submit/", CONFIRMED, follow=True)
    assert messages_of(response)[0].startswith("Нельзя сдать данные: есть ошибки (")
    assert state(library, flawed_data) == "draft"


def test_a_forged_post_of_another_librarys_handin_is_a_404(client, librarian, loop_data):
    client.force_login(librarian)
    assert client.post(f"/handin/f4/{loop_data.pk}/submit/").status_code == 404
    assert not HandIn.objects.filter(library__code="f4").exists()


def test_a_librarian_cannot_accept_or_return(client, librarian, loop_data, library):
    client.force_login(librarian)
    client.post(f"/handin/cgb/{loop_data.pk}/submit/", CONFIRMED)  # refused: unexplained
    HandIn.objects.update_or_create(
        library=library, period=loop_data, defaults={"state": "submitted"}
    )
    assert client.post(f"/handin/cgb/{loop_data.pk}/accept/").status_code == 403
    assert (
        client.post(f"/handin/cgb/{loop_data.pk}/return/", {"comment": "сама себе"}).status_code
        == 403
    )
    assert state(library, loop_data) == "submitted"


def test_a_forged_explanation_of_another_librarys_warning_is_refused(
    client, other_librarian, loop_data
):
    client.force_login(other_librarian)
    key = "changed_much:cgb:received"
    response = client.post(
        f"/handin/{loop_data.pk}/explain/", {"key": key, "text": "чужое"}, follow=True
    )
    assert messages_of(response) == ["Такой проверки среди результатов нет."]
    assert not Explanation.objects.exists()


def test_another_organizations_methodologist_reaches_nothing(client, outsider, loop_data):
    client.force_login(outsider)
    assert client.post(f"/handin/cgb/{loop_data.pk}/accept/").status_code == 404
    assert (
        client.post(f"/handin/{loop_data.pk}/explain/", {"key": "x", "text": "y"}).status_code
        == 404
    )


def test_an_empty_explanation_is_refused(client, librarian, loop_data):
    client.force_login(librarian)
    response = client.post(
        f"/handin/{loop_data.pk}/explain/",
        {"key": "changed_much:cgb:received", "text": " "},
        follow=True,
    )
    assert messages_of(response) == ["Пояснение не может быть пустым."]
    assert not Explanation.objects.exists()


def test_the_report_goes_on_with_a_recorded_override(
    client, methodologist, loop_data, organization
):
    client.force_login(methodologist)
    response = client.post(f"/handin/{loop_data.pk}/override/", {"reason": ""}, follow=True)
    assert messages_of(response) == [
        "Напишите причину: без неё отчёт без принятия всех не сдаётся."
    ]
    client.post(f"/handin/{loop_data.pk}/override/", {"reason": "Ф№4 закрыта на ремонт."})
    loop_data.refresh_from_db()
    assert loop_data.handin_override_by == methodologist  # the period's lock state
    # The overview links to the report by its period: the add form, the period chosen.
    overview = client.get("/").content.decode()
    assert "Ф№4 закрыта на ремонт." in overview
    link = f"/admin/reports/report/period/{loop_data.pk}/"
    assert link in overview
    assert client.get(link)["Location"] == f"/admin/reports/report/add/?period={loop_data.pk}"
    report = Report.objects.create(period=loop_data, organization=organization)
    assert client.get(link)["Location"] == f"/admin/reports/report/{report.pk}/change/"
    report_set_status(report=report, status=Report.Status.SUBMITTED)
    from reports.services import report_data

    notes = [note.text for note in report_data(report, "ru").notes]
    assert any("Причина: Ф№4 закрыта на ремонт." in text for text in notes)
    assert any("«Поступило, экз.» – 300" in text for text in notes)


def test_overdue_libraries_are_marked(client, methodologist, loop_data):
    loop_data.libraries_due = datetime.date(2021, 7, 10)
    loop_data.save()
    client.force_login(methodologist)
    rows = client.get("/").context["rows"]
    assert all(row.overdue for row in rows)
    assert "просрочено" in client.get("/").content.decode()


def test_the_report_link_of_another_organizations_period_is_not_found(client, outsider, loop_data):
    client.force_login(outsider)
    assert client.get(f"/admin/reports/report/period/{loop_data.pk}/").status_code == 404
