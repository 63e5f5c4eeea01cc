from django.urls import path

from handin import region_views, views

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
    path("region/", region_views.overview, name="region"),
    *[
        path(
            f"region/<int:period_pk>/{action}/",
            region_views.move,
            {"action": action},
            name=f"region_{action}",
        )
        for action in region_views.ACTIONS
    ],
]
