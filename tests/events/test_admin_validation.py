from branches.models import Platform
from events.models import OnlineFigures
from tests.admin.posting import form_errors, post_add


def figures(library, period, **extra):
    return {
        "library": library.pk,
        "period": period.pk,
        "online_events": 183,
        "subscribers": 25192,
        "views": 164785,
        "posts": 2128,
        **extra,
    }


def test_a_second_total_of_online_figures_for_a_period_is_refused(
    client, librarian, library, period
):
    OnlineFigures.objects.create(library=library, period=period, online_events=1)
    client.force_login(librarian)
    errors = form_errors(post_add(client, OnlineFigures, figures(library, period)))
    assert "Итоговые показатели этой библиотеки за период уже внесены." in errors
    assert OnlineFigures.objects.count() == 1


def test_figures_per_platform_next_to_the_total_are_fine_once(client, librarian, library, period):
    OnlineFigures.objects.create(library=library, period=period, online_events=1)
    instagram = Platform.objects.get(code="instagram").pk
    client.force_login(librarian)
    data = figures(library, period, platform=instagram)
    assert post_add(client, OnlineFigures, data).status_code == 302
    errors = form_errors(post_add(client, OnlineFigures, data))
    assert "Показатели этой библиотеки за период по этой платформе уже внесены." in errors
    assert OnlineFigures.objects.count() == 2


def test_negative_online_figures_are_refused(client, librarian, library, period):
    client.force_login(librarian)
    errors = form_errors(post_add(client, OnlineFigures, figures(library, period, views=-3)))
    assert "Убедитесь, что это значение больше либо равно 0." in errors
    assert not OnlineFigures.objects.exists()
