"""The pick lists are shared by every ЦБС: another ЦБС's methodologist cannot
rename, switch off or re-flag a value this ЦБС's rows use; a superuser can,
and the admin's history says who did. Texts we write into XLSX files stay text.
"""

import datetime
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from branches.calendar import span_parse
from dataio.schema import sheet_for
from dataio.templates_xlsx import LISTS_SHEET, template_workbook
from publications.models import Publication, PublicationKind
from reports.renderers import render_xlsx
from tests.reports.conftest import seeded  # noqa: F401
from tests.reports.test_renderers import narrated

HYPERLINK = '=HYPERLINK("http://evil.example/","Нажмите")'


@pytest.fixture
def video(library, period):
    """A publication kind Balkhash's (the test ЦБС's) publication uses."""
    kind = PublicationKind.objects.get(code="video")
    Publication.objects.create(
        library=library, date=datetime.date(2021, 5, 5), kind=kind, title="Буктрейлер", year=2021
    )
    return kind


def _form(kind, **changes):
    data = {
        "code": kind.code,
        "name_ru": kind.name_ru,
        "name_kk": kind.name_kk,
        "order": kind.order,
        "is_active": "on" if kind.is_active else "",
        "is_multimedia": "on" if kind.is_multimedia else "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def _change_url(kind):
    return reverse("admin:publications_publicationkind_change", args=[kind.pk])


def test_another_cbs_methodologist_cannot_rename_or_reflag_a_value_in_use(client, outsider, video):
    before = PublicationKind.objects.get(pk=video.pk)
    client.force_login(outsider)
    page = client.get(_change_url(video)).content.decode()
    assert 'name="name_ru"' not in page  # shown, not editable
    client.post(_change_url(video), _form(video, name_ru=HYPERLINK, is_multimedia="", is_active=""))
    after = PublicationKind.objects.get(pk=video.pk)
    assert (after.name_ru, after.is_multimedia, after.is_active) == (
        before.name_ru,
        before.is_multimedia,
        before.is_active,
    )


def test_nor_switch_it_off_from_the_list(client, outsider, video):
    client.force_login(outsider)
    kinds = list(PublicationKind.objects.order_by("order", "name_ru"))
    data = {
        "form-TOTAL_FORMS": str(len(kinds)),
        "form-INITIAL_FORMS": str(len(kinds)),
        "_save": "Сохранить",
    }
    for index, kind in enumerate(kinds):
        data[f"form-{index}-id"] = str(kind.pk)
        data[f"form-{index}-order"] = str(kind.order)
        if kind.is_active and kind.pk != video.pk:
            data[f"form-{index}-is_active"] = "on"
    response = client.post(reverse("admin:publications_publicationkind_changelist"), data)
    assert PublicationKind.objects.get(pk=video.pk).is_active
    assert "используется в данных другой ЦБС" in response.content.decode()


def test_the_cbs_whose_rows_use_it_may_still_edit_it(client, methodologist, video):
    client.force_login(methodologist)
    client.post(_change_url(video), _form(video, name_ru="Видеоролик"))
    assert PublicationKind.objects.get(pk=video.pk).name_ru == "Видеоролик"


def test_a_value_nobody_uses_is_editable_by_any_methodologist(client, outsider, video):
    unused = PublicationKind.objects.exclude(pk=video.pk).filter(publication__isnull=True).first()
    client.force_login(outsider)
    client.post(_change_url(unused), _form(unused, name_ru="Новое имя"))
    assert PublicationKind.objects.get(pk=unused.pk).name_ru == "Новое имя"


def test_any_methodologist_may_add_a_value(client, outsider):
    client.force_login(outsider)
    client.post(
        reverse("admin:publications_publicationkind_add"),
        {"code": "podcast", "name_ru": "Подкаст", "name_kk": "Подкаст", "order": "5"},
    )
    assert PublicationKind.objects.filter(code="podcast").exists()


def test_a_superuser_may_change_it_and_the_history_says_so(client, django_user_model, video):
    root = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(root)
    client.post(_change_url(video), _form(video, name_ru="Видео"))
    assert PublicationKind.objects.get(pk=video.pk).name_ru == "Видео"
    entry = LogEntry.objects.get(object_id=str(video.pk), user=root)
    assert entry.is_change()


def test_a_list_value_that_looks_like_a_formula_stays_text_in_the_template(
    organization, library, video
):
    PublicationKind.objects.filter(pk=video.pk).update(name_ru=HYPERLINK)
    content = template_workbook(sheet_for(Publication), organization=organization)
    sheet = load_workbook(io.BytesIO(content))[LISTS_SHEET]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == HYPERLINK]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_a_narrative_that_looks_like_a_formula_stays_text_in_the_report(organization, seeded):  # noqa: F811
    data = narrated(organization, seeded, "kitap_fest", "=1+1")
    book = load_workbook(io.BytesIO(render_xlsx(data)))
    texts = [c for s in book.worksheets for r in s.iter_rows() for c in r if c.value == "=1+1"]
    assert texts and all(cell.data_type == "s" for cell in texts)
    formulas = [c for s in book.worksheets for r in s.iter_rows() for c in r if c.data_type == "f"]
    assert any(str(c.value).startswith("=SUM(") for c in formulas)  # the audit rows still compute
    assert span_parse(organization, "2021-H1") is not None
