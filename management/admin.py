from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from entry.admin_base import PERIOD_FILTER, ScopedAdmin
from management.models import BUDGET_PARTS, SPENT_PARTS, Finance, MethodicalWork


@admin.register(MethodicalWork)
class MethodicalWorkAdmin(ScopedAdmin):
    list_display = ["period", "consultations", "seminars", "practicums", "visits", "trained"]
    list_filter = [PERIOD_FILTER]
    search_fields = ["note"]
    list_select_related = ["period"]
    fieldsets = [
        (None, {"fields": ["organization", "period"]}),
        (
            _("Методическая работа"),
            {
                "fields": [
                    "consultations",
                    "consultations_group",
                    "seminars",
                    "practicums",
                    "visits",
                    "publications",
                ]
            },
        ),
        (_("Повышение квалификации"), {"fields": ["courses", "trained", "certified", "note"]}),
    ]


@admin.register(Finance)
class FinanceAdmin(ScopedAdmin):
    list_display = ["period", "budget_total", "spent_total", "spent_acquisition", "paid_income"]
    list_filter = [PERIOD_FILTER]
    search_fields = ["note"]
    list_select_related = ["period"]
    fieldsets = [
        (None, {"fields": ["organization", "period"]}),
        (_("Бюджет по источникам, тыс. тенге"), {"fields": [*BUDGET_PARTS, "budget_total"]}),
        (_("Расходы по статьям, тыс. тенге"), {"fields": [*SPENT_PARTS, "spent_total"]}),
        (None, {"fields": ["paid_income", "note"]}),
    ]
