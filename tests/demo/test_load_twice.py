"""`load_demo` run twice changes nothing: the same rows, and no new history."""

from django.apps import apps
from django.core.management import call_command

DEMO_APPS = [
    "branches",
    "holdings",
    "catalogue",
    "digitization",
    "publications",
    "events",
    "indicators",
    "reports",
]


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for app in DEMO_APPS
        for model in apps.get_app_config(app).get_models()
    }


def test_loading_the_demo_twice_changes_no_row_count(demo_written):
    # The first load: demo_written, load_demo's rows (tests/snapshot.py).
    first = row_counts()
    call_command("load_demo")
    assert row_counts() == first


def test_the_demo_loads_rows_in_every_area(demo_written):
    # demo_written: the rows load_demo wrote, run once in this process (tests/snapshot.py).
    counts = row_counts()
    for label in [
        "holdings.AcquisitionBudget", "holdings.FundSnapshot", "holdings.Receipt",
        "holdings.WriteOff", "catalogue.RecordCount", "catalogue.VirtualReferences",
        "digitization.DigitizationPlan", "digitization.DigitizedDocument",
        "publications.Publication", "publications.MediaMention",
        "publications.MediaMentionTotal", "events.OnlineFigures",
    ]:  # fmt: skip
        assert counts[label] > 0, label
