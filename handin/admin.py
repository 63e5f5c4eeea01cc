"""The methodologist's thresholds of the edit checks, in admin."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from branches.checks import handin_checks
from entry.admin_base import FieldErrorsForm, ScopedAdmin
from handin.models import CheckThreshold


def _threshold_choices():
    return [
        (check.code, f"{check.title} ({check.threshold_label}, {check.default_threshold})")
        for check in handin_checks()
        if check.default_threshold is not None
    ]


class CheckThresholdForm(FieldErrorsForm):
    code = forms.ChoiceField(label=_("проверка"), choices=_threshold_choices)

    class Meta:
        model = CheckThreshold
        fields = ["organization", "code", "value"]


@admin.register(CheckThreshold)
class CheckThresholdAdmin(ScopedAdmin):
    form = CheckThresholdForm
    list_display = ["code", "value", "organization"]
