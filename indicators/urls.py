from django.urls import path, re_path

from indicators import grid_views

app_name = "indicators"
urlpatterns = [
    path("", grid_views.log_due, name="log_due"),
    re_path(
        r"^(?P<code>[-\w]+)/(?P<month>\d{4}-\d{2})/$", grid_views.month_grid, name="month_grid"
    ),
]
