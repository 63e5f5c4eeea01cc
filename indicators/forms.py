"""The month sheet's page in admin: which library and month, and the file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from indicators.grid import due_month

MONTHS = [
    (1, _("январь")),
    (2, _("февраль")),
    (3, _("март")),
    (4, _("апрель")),
    (5, _("май")),
    (6, _("июнь")),
    (7, _("июль")),
    (8, _("август")),
    (9, _("сентябрь")),
    (10, _("октябрь")),
    (11, _("ноябрь")),
    (12, _("декабрь")),
]


class MonthSheetForm(forms.Form):
    library = forms.ModelChoiceField(queryset=None, label=_("библиотека"), empty_label=None)
    year = forms.IntegerField(label=_("год"), min_value=2000, max_value=2100)
    month = forms.TypedChoiceField(label=_("месяц"), choices=MONTHS, coerce=int)
    file = forms.FileField(
        label=_("файл XLSX"),
        required=False,
        help_text=_("Лист месяца в том виде, в каком его выгружает кнопка «Скачать лист месяца»."),
    )

    def __init__(self, *args, libraries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = libraries
        # The month that is due (of the open half-year), not the calendar's: today's
        # month often lies outside every open period.
        first = libraries.order_by("order").first()
        if first is not None:
            self.fields["library"].initial = first.pk
            self.fields["year"].initial, self.fields["month"].initial = due_month(first)
