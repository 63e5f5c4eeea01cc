import pytest
from django.core.management import CommandError, call_command

from branches.models import Library, Organization, ReportingPeriod, SocialPage
from dataio.schema import SHEETS
from events.models import Event
from holdings.models import WriteOff
from tests.dataio.conftest import read_workbook


def empty_database():
    """Every row of every exported model gone, lists included (as a fresh database).

    Approved periods are reopened first, and the social pages their reports printed
    unmarked (by the plain manager, past the pages' guard): their rows refuse to be
    deleted otherwise.
    """
    ReportingPeriod.objects.update(status=ReportingPeriod.Status.OPEN)
    SocialPage._base_manager.update(printed=False)
    for sheet in reversed(SHEETS):
        for column in sheet.columns:
            if column.kind == "many":
                getattr(sheet.model, column.name).through.objects.all().delete()
    from branches.models import StaffProfile

    StaffProfile.objects.all().delete()
    for sheet in reversed(SHEETS):
        sheet.model._default_manager.all().delete()
        if hasattr(sheet.model, "history"):
            sheet.model.history.all().delete()


@pytest.fixture
def exported(sample_data, tmp_path):
    path = tmp_path / "all.xlsx"
    call_command("export_data", "--output", str(path), "--organization", "test-cbs")
    return path


def test_export_writes_one_sheet_per_model_with_russian_headers(exported):
    sheets = read_workbook(exported)
    assert list(sheets) == [sheet.title for sheet in SHEETS]
    events = sheets["Мероприятия"]
    assert events[0][:5] == ("Библиотека", "Дата", "Название", "Название (каз.)", "Форма")
    rows = {row[0]: row for row in events[1:]}
    assert set(rows) == {"cgb", "f4"}
    cgb = dict(zip(events[0], rows["cgb"], strict=True))
    assert cgb["Дата"].strftime("%d.%m.%Y") == "12.06.2021"
    assert cgb["Форма"] == "Челлендж"
    assert cgb["Участников"] == 25  # a number, not text
    assert cgb["Платформы"] == "Facebook; Instagram"
    assert cgb["Онлайн"] == "да"
    header, row = sheets["Бюджет комплектования"]
    budget = dict(zip(header, row, strict=True))
    assert budget["Период"] == "2021-H1"
    assert float(budget["Сумма, тыс. тенге"]) == 1234.5


def test_export_of_an_organization_leaves_out_other_organizations(exported, other_organization):
    Library.objects.create(
        organization=other_organization, code="x1", kind="branch", short_name="X1", name_ru="X"
    )
    sheets = read_workbook(exported)
    assert [row[0] for row in sheets["Библиотеки"][1:]] == ["cgb", "f4"]


def test_export_needs_an_organization_when_there_are_several(sample_data, other_organization):
    with pytest.raises(CommandError, match="--organization"):
        call_command("export_data", "--output", "/tmp/never.xlsx")


def test_import_into_an_empty_database_gives_back_the_same_data(exported, tmp_path):
    before = read_workbook(exported)
    empty_database()
    assert not Organization.objects.exists()

    call_command("import_data", str(exported))

    again = tmp_path / "again.xlsx"
    call_command("export_data", "--output", str(again))
    assert read_workbook(again) == before
    assert Event.objects.count() == 2
    assert Event.history.filter(history_type="+").count() == 2  # history kept
    assert WriteOff.history.count() == 2


def test_import_dry_run_changes_nothing(exported):
    empty_database()
    call_command("import_data", str(exported), "--dry-run")
    assert not Organization.objects.exists()
    assert not Event.objects.exists()


def test_importing_the_same_file_twice_refuses_the_duplicates_and_changes_nothing(exported):
    events = Event.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("import_data", str(exported))
    message = str(error.value)
    assert "Ничего не изменено" in message
    assert "Лист «Мероприятия», строка 2: Такая запись уже есть в базе" in message
    assert Event.objects.count() == events


def test_import_of_an_unknown_file_path_says_so():
    with pytest.raises(CommandError, match="Файла"):
        call_command("import_data", "/nonexistent/file.xlsx")


def test_import_creates_the_organization_its_libraries_and_periods(exported):
    empty_database()
    call_command("import_data", str(exported))
    organization = Organization.objects.get(code="test-cbs")
    assert set(organization.libraries.values_list("code", flat=True)) == {"cgb", "f4"}
    assert ReportingPeriod.objects.get(organization=organization).code == "2021-H1"
