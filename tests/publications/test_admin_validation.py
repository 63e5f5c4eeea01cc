from publications.models import MediaMentionTotal, Publication, PublicationKind
from tests.admin.posting import admin_url, form_errors, post_add


def test_media_total_parts_above_the_total_are_refused(client, librarian, library, period):
    client.force_login(librarian)
    data = {
        "library": library.pk,
        "period": period.pk,
        "mentions": 14,
        "by_librarians": 15,
        "tv_stories": 0,
    }
    errors = form_errors(post_add(client, MediaMentionTotal, data))
    assert "Часть не может быть больше итога публикаций." in errors
    assert not MediaMentionTotal.objects.exists()


def test_a_booklet_shows_its_description_in_the_seeds_style(client, librarian, library, period):
    client.force_login(librarian)
    data = {
        "library": library.pk,
        "date": "20.04.2021",
        "kind": PublicationKind.objects.get(code="e-booklet").pk,
        "language": "kk",
        "title": "Кел оқиық, бәріміз",
        "quoted": "on",
        "compilers": "Ж.Әлиева",
        "place": "Балқаш",
        "year": 2021,
        "pages": 22,
        "illustrated": "on",
    }
    assert post_add(client, Publication, data).status_code == 302
    publication = Publication.objects.get()
    page = client.get(admin_url(Publication, "change", publication.pk)).content.decode()
    assert (
        "«Кел оқиық, бәріміз»: Электронды буклет // Орталық қалалық кітапхана; "
        "құраст.: Ж.Әлиева. - Балқаш, 2021. – 22 б. - суретті." in page
    )


def test_publication_list_shows_the_description_column(client, methodologist, library, period):
    from tests.admin.factories import make_row

    row = make_row(Publication, library=library, period=period)
    client.force_login(methodologist)
    page = client.get(admin_url(Publication, "changelist")).content.decode()
    assert row.description() in page
