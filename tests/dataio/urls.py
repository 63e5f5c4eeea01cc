"""An admin site with the import/export mixin on a few models, so these tests
don't depend on how each app's admin is written."""

from django.contrib.admin import AdminSite
from django.urls import include, path

from branches.admin_base import ScopedAdmin
from dataio.admin_mixins import DataIOAdminMixin
from events.models import Event, EventForm
from holdings.models import AcquisitionBudget, Receipt, WriteOff

site = AdminSite(name="admin")


class DataAdmin(DataIOAdminMixin, ScopedAdmin):
    list_filter = ["library"]


class PlainAdmin(DataIOAdminMixin, ScopedAdmin):
    pass


site.register(Event, DataAdmin)
site.register(Receipt, DataAdmin)
site.register(WriteOff, DataAdmin)
site.register(AcquisitionBudget, PlainAdmin)
site.register(EventForm, PlainAdmin)

urlpatterns = [
    path("admin/", site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
