from digitization.models import DigitizationPlan, DigitizedDocument, DocumentKind
from tests.admin.posting import form_errors, post_add


def test_a_second_plan_for_the_same_kind_and_period_is_refused(
    client, methodologist, organization, period
):
    kind = DocumentKind.objects.get(code="articles")
    DigitizationPlan.objects.create(organization=organization, period=period, kind=kind, planned=1)
    client.force_login(methodologist)
    data = {"organization": organization.pk, "period": period.pk, "kind": kind.pk, "planned": 194}
    errors = form_errors(post_add(client, DigitizationPlan, data))
    assert "План по этому виду документов за период уже внесён." in errors
    assert DigitizationPlan.objects.get().planned == 1


def test_a_batch_of_zero_documents_is_refused(client, librarian, library, period):
    client.force_login(librarian)
    data = {
        "library": library.pk,
        "date": "30.06.2021",
        "kind": DocumentKind.objects.get(code="articles").pk,
        "title": "Статьи из газеты «Балқаш өңірі»",
        "documents": 0,
        "pages": 158,
    }
    errors = form_errors(post_add(client, DigitizedDocument, data))
    assert "Документов должно быть не меньше одного." in errors
    assert not DigitizedDocument.objects.exists()


def test_a_digitized_book_shows_its_description_on_the_change_page(
    client, librarian, library, period
):
    client.force_login(librarian)
    data = {
        "library": library.pk,
        "date": "15.05.2021",
        "kind": DocumentKind.objects.get(code="books").pk,
        "author": "Скляров, Н.",
        "title": "Моя лирика",
        "author_short": "Н.Скляров",
        "place": "Алматы",
        "publisher": "Издательство LEM",
        "year": 2008,
        "documents": 1,
        "pages": 216,
    }
    assert post_add(client, DigitizedDocument, data).status_code == 302
    document = DigitizedDocument.objects.get()
    page = client.get(f"/admin/digitization/digitizeddocument/{document.pk}/change/")
    assert (
        "Скляров, Н. Моя лирика / Н.Скляров. – Алматы: Издательство LEM, 2008. – 216 с."
        in page.content.decode()
    )
