"""The admin in Kazakh: our strings, Django's missing ones, complete catalogs."""

import gettext
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from holdings.models import Receipt
from tests.admin.posting import admin_url

CATALOGS = [
    Path(settings.BASE_DIR, app, "locale/kk/LC_MESSAGES/django.po")
    for app in [
        "branches",
        "entry",
        "holdings",
        "catalogue",
        "digitization",
        "publications",
        "events",
        "demo",
        "",
    ]
] + [Path(settings.BASE_DIR, "locale/kk/LC_MESSAGES/djangojs.po")]


def po_entries(text):
    """(context, msgid, msgstr) of the singular entries of a .po file."""
    entries = []
    for block in text.split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid|msgstr)(?:\[0\])? (".*")$', line)
            if match:
                current = match.group(1)
                fields[current] = json.loads(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += json.loads(line)
            elif not line.startswith('"'):
                current = None
        if fields.get("msgid") and "msgid_plural" not in block:
            entries.append((fields.get("msgctxt"), fields["msgid"], fields.get("msgstr", "")))
    return entries


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_kazakh_catalog_is_complete_and_compiled(po):
    text = po.read_text()
    body = text.split("\n\n", 1)[1]  # after the header
    assert "#, fuzzy" not in body
    assert not re.search(r'^msgstr(\[\d\])? ""\n(?!")', body, re.MULTILINE), "untranslated"
    with po.with_suffix(".mo").open("rb") as mo_file:
        mo = gettext.GNUTranslations(mo_file)
    for context, msgid, msgstr in po_entries(text):
        compiled = mo.pgettext(context, msgid) if context else mo.gettext(msgid)
        assert compiled == msgstr, f"{msgid!r}: the .mo is out of date, run msgfmt"


@pytest.fixture
def kk_client(client, methodologist):
    client.force_login(methodologist)
    client.post(reverse("set_language"), {"language": "kk", "next": "/admin/"})
    return client


def test_change_form_in_kazakh_shows_kazakh_labels_and_admin_strings(kk_client, row_of):
    receipt = row_of(Receipt)
    page = kk_client.get(admin_url(Receipt, "change", receipt.pk)).content.decode()
    assert "Оның ішінде қазақ тілінде" in page  # our field label
    assert "Сақтау" in page  # Django's own kk
    assert "Тарих" in page


def test_history_page_in_kazakh_names_who_changed(kk_client, row_of):
    receipt = row_of(Receipt)
    page = kk_client.get(admin_url(Receipt, "history", receipt.pk)).content.decode()
    assert "Кім өзгертті" in page
    assert "Өзгерістер тарихы" in page


def test_validation_message_in_kazakh(kk_client, library, period):
    from holdings.models import FundingSource

    data = {
        "library": library.pk,
        "date": "15.03.2021",
        "source": FundingSource.objects.first().pk,
        "copies": 1,
        "copies_kk": 2,
    }
    page = kk_client.post(admin_url(Receipt, "add"), data).content.decode()
    assert "Қазақ тіліндегі даналар барлық даналардан көп бола алмайды." in page
    assert "Төмендегі қатені түзетіңіз." in page


def test_admin_javascript_catalog_in_kazakh_has_month_names(kk_client):
    catalog = kk_client.get("/admin/jsi18n/").content.decode()
    assert json.dumps("Қаңтар") in catalog  # the catalog is JSON with \\u escapes


def test_kazakh_admin_accepts_dates_as_written_in_kazakhstan(kk_client, library, period):
    from holdings.models import FundingSource

    data = {
        "library": library.pk,
        "date": "15.03.2021",
        "source": FundingSource.objects.first().pk,
        "copies": 2,
        "copies_kk": 1,
    }
    assert kk_client.post(admin_url(Receipt, "add"), data).status_code == 302
    assert Receipt.objects.get().date.isoformat() == "2021-03-15"
