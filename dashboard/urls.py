from django.urls import path

from dashboard import region_views, views

app_name = "dashboard"
urlpatterns = [
    path("", views.index, name="index"),
    path("completeness/", views.completeness, name="completeness"),
    path("library/<slug:code>/", views.library, name="library"),
    path("region/", region_views.region_index, name="region_index"),
    path("region/<slug:code>/", region_views.region_page, name="region"),
]
