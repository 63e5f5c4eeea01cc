"""A librarian enters an event's Kazakh version (through the admin form and through the
import template) and the Kazakh report prints it; the report page lists the events that
have none, with a link to fill them (issue 25, item 1)."""

import datetime
import io

import openpyxl
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from branches.calendar import span_parse
from events.models import Event, EventForm
from reports.builder import report_build
from reports.models import Report
from tests.admin.posting import admin_url, post_add

RUSSIAN = "мастер-класс «Ваза» к 175-летию Ж.Жабаева для старшеклассников"
KAZAKH = (
    "«Ваза» шеберлік сыныбы Ж.Жабаевтың туғанына 175 жыл толуына орай "
    "жоғары сынып оқушыларына арналған"
)


def items(organization, language):
    data = report_build(
        organization=organization, span=span_parse(organization, "2021-H1"), language=language
    )
    return [item for section in data.sections for block in section.lists() for item in block.items]


def kazakh_fields(library):
    library.short_name_kk = "ОҚК"
    library.save()
    return {
        "title": "мастер-класс «Ваза»",
        "title_kk": "«Ваза» шеберлік сыныбы",
        "dedication": "к 175-летию Ж.Жабаева",
        "dedication_kk": "Ж.Жабаевтың туғанына 175 жыл толуына орай",
        "audience": "для старшеклассников",
        "audience_kk": "жоғары сынып оқушыларына арналған",
    }


def test_the_event_form_shows_each_text_beside_its_kazakh_version(client, librarian):
    client.force_login(librarian)
    html = client.get(admin_url(Event, "add")).content.decode()
    for name in ("title", "dedication", "series", "audience", "guests", "note"):
        # Django's admin puts the fields of one fieldset line in one row div.
        row = html[html.index(f'id="id_{name}"') : html.index(f'id="id_{name}_kk"')]
        assert "form-row" not in row, name


def test_an_event_entered_in_the_admin_prints_its_kazakh_version(
    client, librarian, library, organization, period
):
    client.force_login(librarian)
    data = {
        "library": library.pk,
        "date": "2021-03-05",
        "form": EventForm.objects.get(code="master-class").pk,
        "highlight": "",
        "series_kind": "",
        **kazakh_fields(library),
    }
    assert post_add(client, Event, data).status_code == 302
    assert f"{KAZAKH} (ОҚК)" in items(organization, "kk")
    assert f"{RUSSIAN} (ЦГБ)" in items(organization, "ru")


def test_an_event_without_a_kazakh_version_prints_wholly_as_entered(library, organization, period):
    fields = kazakh_fields(library)
    fields["audience_kk"] = ""  # one printed text not in Kazakh: the whole line stays Russian
    Event.objects.create(
        library=library,
        date=datetime.date(2021, 3, 5),
        form=EventForm.objects.get(code="master-class"),
        **fields,
    )
    assert f"{RUSSIAN} (ЦГБ)" in items(organization, "kk")


def test_an_event_imported_from_the_template_prints_its_kazakh_version(
    client, librarian, library, organization, period
):
    librarian.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_event", "view_event", "change_event"])
    )
    client.force_login(librarian)
    book = openpyxl.load_workbook(
        io.BytesIO(client.get("/admin/events/event/import-template/").content)
    )
    sheet = book["Мероприятия"]
    headers = [c.value for c in sheet[1]]
    # The kk column stands right beside its Russian one.
    for header in ("Название", "Посвящено", "Аудитория", "Гости", "Примечание"):
        assert headers[headers.index(header) + 1] == f"{header} (каз.)"
    fields = kazakh_fields(library)
    values = {
        "Библиотека": "cgb",
        "Дата": "05.03.2021",
        "Форма": "Мастер-класс",
        "Название": fields["title"],
        "Название (каз.)": fields["title_kk"],
        "Посвящено": fields["dedication"],
        "Посвящено (каз.)": fields["dedication_kk"],
        "Аудитория": fields["audience"],
        "Аудитория (каз.)": fields["audience_kk"],
    }
    for index, header in enumerate(headers, 1):
        sheet.cell(row=2, column=index, value=values.get(header))
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        "/admin/events/event/import/",
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("t.xlsx", buffer.getvalue()),
        },
        follow=True,
    )
    form = response.context["confirm_form"]
    client.post("/admin/events/event/process_import/", form.initial)
    assert Event.objects.get().dedication_kk == fields["dedication_kk"]
    assert f"{KAZAKH} (ОҚК)" in items(organization, "kk")


def test_the_report_page_lists_the_events_without_kazakh_text_with_links(
    client, methodologist, library, organization, period
):
    form = EventForm.objects.get(code="master-class")
    done = Event.objects.create(
        library=library, date=datetime.date(2021, 3, 5), form=form, **kazakh_fields(library)
    )
    missing = Event.objects.create(
        library=library, date=datetime.date(2021, 3, 6), form=form, title="викторина «Тайная»",
        dedication="ко Дню Победы",
    )  # fmt: skip
    report = Report.objects.create(organization=organization, period=period)
    client.force_login(methodologist)
    html = client.get(admin_url(Report, "change", report.pk) + "?language=kk").content.decode()
    assert "Записи без казахского текста: 1" in html
    assert f'href="{admin_url(Event, "change", missing.pk)}"' in html
    assert "06.03.2021 ЦГБ: викторина «Тайная»" in html
    assert admin_url(Event, "change", done.pk) not in html
