from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path

from branches.accounts import SilentPasswordResetView
from branches.lockout import LoginForm
from cbs_reports.favicon import favicon
from cbs_reports.health import HealthView

urlpatterns = [
    path("health/", HealthView.as_view(), name="health"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    # Before Django's own: the same answer whether or not the letter could be sent.
    path(
        "accounts/password_reset/",
        SilentPasswordResetView.as_view(),
        name="password_reset",
    ),
    # Before Django's own: a wrong password says when one attempt is left.
    path("accounts/login/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dashboard/", include("dashboard.urls")),
    path("log/", include("indicators.urls")),
    path("reports/", include("reports.urls")),
    path("", include("handin.urls")),
]
