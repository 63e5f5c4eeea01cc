from django.urls import path

from handin import views

app_name = "handin"
urlpatterns = [
    path("", views.home, name="home"),
    *[
        path(
            f"handin/<slug:code>/<int:period_pk>/{action}/",
            views.move,
            {"action": action},
            name=action,
        )
        for action in views.MOVES
    ],
    path("handin/<int:period_pk>/explain/", views.explain, name="explain"),
    path("handin/<int:period_pk>/override/", views.override, name="override"),
]
