"""Every kind of data is declared once, and everything that lists kinds reads the declaration:
a kind without a sheet, a label or a factory fails here."""

from django.apps import apps

from branches.kinds import DERIVED, KINDS, RECORD_RIGHTS, STANDING, completeness_columns, facts
from dataio.schema import SHEET_BY_MODEL
from tests.admin.factories import BUILDERS

# Users are not exported (README): their profiles have no sheet.
WITHOUT_SHEET = {"staff"}
PROJECT_APPS = {"branches", "holdings", "catalogue", "digitization", "publications", "events"}


def test_every_model_of_the_project_is_a_kind_of_data_or_a_declared_record():
    declared = {kind.model_class for kind in KINDS}
    declared |= {apps.get_model(label) for label in RECORD_RIGHTS}
    for label in [*PROJECT_APPS, "reports"]:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or model._meta.label in DERIVED:
                continue
            assert model in declared, (
                f"{model._meta.label} is in neither branches.kinds.KINDS nor RECORD_RIGHTS"
            )


def test_every_kind_has_a_unique_code_and_every_fact_a_label():
    codes = [kind.code for kind in KINDS]
    assert len(codes) == len(set(codes))
    for kind in facts():
        assert str(kind.label).strip(), f"kind {kind.code} has no label for completeness"
    for kind in KINDS:
        assert str(kind.title).strip(), kind.code


def test_every_kind_has_a_sheet_in_the_data_files():
    for kind in KINDS:
        if kind.code in WITHOUT_SHEET:
            continue
        assert kind.sheet is not None, f"kind {kind.code} has no import/export sheet"
        assert SHEET_BY_MODEL[kind.model_class].title == kind.sheet.title


def test_every_kind_has_a_test_factory():
    for kind in KINDS:
        assert kind.code in BUILDERS, f"kind {kind.code} has no builder in tests/admin/factories.py"


def test_every_fact_binds_to_time_by_its_fields():
    for kind in facts():
        fields = {f.name for f in kind.model_class._meta.concrete_fields}
        needed = {"dated": "date", "state": "date", "period": "period"}[kind.binding]
        assert needed in fields, kind.code
        assert kind.owner in fields, kind.code


def test_the_completeness_columns_are_the_library_facts_in_order():
    columns = [code for code, _label in completeness_columns()]
    assert columns[:10] == [
        "fund_snapshots",
        "receipts",
        "writeoffs",
        "catalogue",
        "virtual_references",
        "digitized",
        "publications",
        "media",
        "events",
        "online",
    ]
    assert all(k.binding != STANDING for k in facts())


def test_the_admin_index_lists_an_apps_kinds_in_the_registrys_order_lists_last(
    client, methodologist
):
    client.force_login(methodologist)
    apps_shown = {app["app_label"]: app for app in client.get("/admin/").context["app_list"]}
    holdings = [entry["object_name"] for entry in apps_shown["holdings"]["models"]]
    assert holdings == [
        "AcquisitionBudget",
        "FundSnapshot",
        "Receipt",
        "WriteOff",
        "FundingSource",
        "WriteOffReason",
    ]
