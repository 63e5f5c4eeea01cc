import datetime

from catalogue.models import CatalogueDatabase, RecordCount, VirtualReferences
from tests.admin.posting import form_errors, post_add


def test_a_second_count_for_the_same_catalogue_and_date_is_refused(client, librarian, library):
    database = CatalogueDatabase.objects.get(code="book")
    RecordCount.objects.create(
        library=library, database=database, date=datetime.date(2021, 7, 1), records=100
    )
    client.force_login(librarian)
    data = {"library": library.pk, "database": database.pk, "date": "01.07.2021", "records": 120}
    errors = form_errors(post_add(client, RecordCount, data))
    assert "Для этой базы каталога на эту дату число записей уже внесено." in errors
    assert RecordCount.objects.get().records == 100


def test_the_same_count_in_another_library_is_fine(client, methodologist, library, other_library):
    database = CatalogueDatabase.objects.get(code="book")
    RecordCount.objects.create(
        library=library, database=database, date=datetime.date(2021, 7, 1), records=100
    )
    client.force_login(methodologist)
    data = {
        "library": other_library.pk,
        "database": database.pk,
        "date": "01.07.2021",
        "records": 7,
    }
    assert post_add(client, RecordCount, data).status_code == 302
    assert RecordCount.objects.count() == 2


def test_negative_record_count_is_refused(client, librarian, library):
    client.force_login(librarian)
    data = {
        "library": library.pk,
        "database": CatalogueDatabase.objects.get(code="book").pk,
        "date": "01.07.2021",
        "records": -1,
    }
    errors = form_errors(post_add(client, RecordCount, data))
    assert "Убедитесь, что это значение больше либо равно 0." in errors
    assert not RecordCount.objects.exists()


def test_virtual_references_twice_for_a_period_are_refused(client, librarian, library, period):
    VirtualReferences.objects.create(library=library, period=period, count=48)
    client.force_login(librarian)
    data = {"library": library.pk, "period": period.pk, "count": 3}
    errors = form_errors(post_add(client, VirtualReferences, data))
    assert "Справки этой библиотеки за этот период уже внесены: измените ту запись." in errors
    assert VirtualReferences.objects.get().count == 48
