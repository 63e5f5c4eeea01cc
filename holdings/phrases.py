"""How section III names a funding source or a write-off reason inside its sentences.

The seed writes «из местного бюджета на комплектование выделено…», «В рамках
госзаказа получено…», «По причине физического износа списано…». The pick lists
hold names («Госзаказ»), not these phrases; the seed's values have theirs here,
by code. A value added later prints with its name in parentheses instead.
"""

from django.utils.translation import gettext_lazy as _

BUDGET_SOURCES = {  # «… на комплектование выделено»
    "local-budget": _("из местного бюджета"),
    "state-order": _("в рамках госзаказа"),
}
RECEIPT_SOURCES = {  # «… получено»
    "local-budget": _("за счёт средств местного бюджета"),
    "state-order": _("в рамках госзаказа"),
    "gift": _("в дар"),
    "replacement": _("взамен утерянных"),
}
WRITE_OFF_REASONS = {  # «… списано»
    "wear": _("по причине физического износа"),
    "loss": _("по причине утери"),
    "obsolete": _("по причине устарелости по содержанию"),
}
