from django.urls import path

from reports import region_views

app_name = "reports"
urlpatterns = [
    path(
        "region/<slug:code>/<str:span>/<str:output_format>/",
        region_views.region_report_download,
        name="region_report",
    ),
]
