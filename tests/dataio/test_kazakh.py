"""The import pages and messages in Kazakh."""

import pytest
from django.utils import translation

from dataio.cells import CellError, read_date


def test_cell_errors_speak_kazakh_in_a_kazakh_session():
    with translation.override("kk"), pytest.raises(CellError, match="күн емес"):
        read_date("5 наурыз")


def test_the_import_page_is_in_kazakh(client, librarian, period):
    client.force_login(librarian)
    client.cookies["django_language"] = "kk"
    content = client.get("/admin/events/event/import/").content.decode()
    assert "Бос XLSX үлгісін жүктеп алу" in content
    assert "Импортталатын файл" in content  # import-export's own label, from our catalogue
    assert "File to import" not in content
