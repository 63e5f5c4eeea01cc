from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from collection.models import (
    FundBranchCopies,
    FundStructure,
    KnowledgeBranch,
    OutreachService,
    Subscription,
    UserGroups,
)
from entry.admin_base import LIBRARY_FILTER, PERIOD_FILTER, ListItemAdmin, ScopedAdmin


@admin.register(KnowledgeBranch)
class KnowledgeBranchAdmin(ListItemAdmin):
    pass


class _PeriodFactAdmin(ScopedAdmin):
    list_filter = [LIBRARY_FILTER, PERIOD_FILTER]
    search_fields = ["library__short_name", "library__name_ru"]
    list_select_related = ["period", "library"]


@admin.register(FundStructure)
class FundStructureAdmin(_PeriodFactAdmin):
    list_display = ["period", "library", "total", "books", "kazakh"]
    fieldsets = [
        (None, {"fields": ["library", "period", "total"]}),
        (
            _("По видам документов"),
            {"fields": ["books", "periodicals", "electronic", "audiovisual", "other_media"]},
        ),
        (_("По языкам"), {"fields": ["kazakh", "russian", "other_languages"]}),
        (None, {"fields": ["note"]}),
    ]


@admin.register(FundBranchCopies)
class FundBranchCopiesAdmin(_PeriodFactAdmin):
    list_display = ["period", "library", "branch", "copies"]
    list_filter = [LIBRARY_FILTER, PERIOD_FILTER, "branch"]
    list_select_related = ["period", "library", "branch"]
    fields = ["library", "period", "branch", "copies", "note"]


@admin.register(Subscription)
class SubscriptionAdmin(_PeriodFactAdmin):
    list_display = ["period", "library", "titles", "copies", "amount"]
    fields = ["library", "period", "titles", "titles_kk", "copies", "copies_kk", "amount", "note"]


@admin.register(UserGroups)
class UserGroupsAdmin(_PeriodFactAdmin):
    list_display = ["period", "library", "total", "children", "youth", "adults"]
    fieldsets = [
        (None, {"fields": ["library", "period", "total"]}),
        (_("По возрасту"), {"fields": ["children", "youth", "adults", "pensioners"]}),
        (_("Прочие группы"), {"fields": ["disabled", "students", "employed"]}),
        (None, {"fields": ["note"]}),
    ]


@admin.register(OutreachService)
class OutreachServiceAdmin(_PeriodFactAdmin):
    list_display = ["period", "library", "points_users", "mobile_trips", "mobile_users"]
    fieldsets = [
        (None, {"fields": ["library", "period"]}),
        (
            _("Пункты внестационарного обслуживания"),
            {"fields": ["points_users", "points_visits", "points_loans"]},
        ),
        (
            _("Выездное обслуживание"),
            {"fields": ["mobile_trips", "mobile_users", "mobile_visits", "mobile_loans"]},
        ),
        (None, {"fields": ["note"]}),
    ]
