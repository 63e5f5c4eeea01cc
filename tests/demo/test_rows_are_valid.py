"""Every demo row passes the same validation as an admin form."""

from django.apps import apps

from tests.demo.test_load_twice import DEMO_APPS


def test_every_demo_row_passes_full_clean(demo):
    checked = 0
    for app in DEMO_APPS:
        for model in apps.get_app_config(app).get_models():
            if model._meta.label.split(".")[1].startswith("Historical"):
                continue
            for row in model.objects.all():
                row.full_clean()
                checked += 1
    assert checked > 100
