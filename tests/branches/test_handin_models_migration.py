"""Moving the hand-in's models from handin to branches loses nothing: a database
with hand-ins made before the move has the same rows after it, read through
branches, and the roles keep their permissions on them."""

import pytest
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from branches.handins import HandIn, HandInTransition
from branches.kinds import DIRECTOR, METHODOLOGIST

BEFORE = [("branches", "0005_library_short_name_kk"), ("handin", "0002_permissions")]
AFTER = [("branches", "0006_handin_models"), ("handin", "0003_handin_models_to_branches")]
CODENAMES = {"view_handin", "view_handintransition"}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


def held(group_name: str, app_label: str) -> set[str]:
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label=app_label)
        .values_list("codename", flat=True)
    )


def grant_old_permissions(apps) -> None:
    """The roles' rights on hand-ins as handin 0002 granted them (an earlier test's
    flush may have emptied the permissions and groups)."""
    app_config = apps.get_app_config("handin")
    app_config.models_module = True  # create_permissions skips apps without models
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    OldGroup = apps.get_model("auth", "Group")
    OldPermission = apps.get_model("auth", "Permission")
    rights = OldPermission.objects.filter(content_type__app_label="handin", codename__in=CODENAMES)
    assert rights.count() == len(CODENAMES)
    for name in (METHODOLOGIST, DIRECTOR):
        OldGroup.objects.get_or_create(name=name)[0].permissions.add(*rights)


def make_old_handins(apps) -> dict:
    """An organization, a library, a period and a returned hand-in with two moves,
    written through the models as they stood before the move."""
    Organization = apps.get_model("branches", "Organization")
    Library = apps.get_model("branches", "Library")
    ReportingPeriod = apps.get_model("branches", "ReportingPeriod")
    OldHandIn = apps.get_model("handin", "HandIn")
    OldTransition = apps.get_model("handin", "HandInTransition")
    User = apps.get_model("auth", "User")
    organization = Organization.objects.create(code="old", name_ru="Старая ЦБС", city_ru="Балхаш")
    library = Library.objects.create(
        organization=organization, code="f1", kind="branch", short_name="ф№1", name_ru="Филиал 1"
    )
    period = ReportingPeriod.objects.create(organization=organization, year=2021, half=1)
    librarian = User.objects.create(username="old-librarian")
    methodologist = User.objects.create(username="old-methodologist")
    handin = OldHandIn.objects.create(library=library, period=period, state="returned")
    first = OldTransition.objects.create(
        handin=handin, from_state="draft", to_state="submitted", user=librarian
    )
    second = OldTransition.objects.create(
        handin=handin,
        from_state="submitted",
        to_state="returned",
        user=methodologist,
        comment="Проверьте поступления",
    )
    return {
        "handin": handin.pk,
        "library": library.pk,
        "period": period.pk,
        "moves": [
            (first.pk, "draft", "submitted", librarian.pk, ""),
            (second.pk, "submitted", "returned", methodologist.pk, "Проверьте поступления"),
        ],
    }


# serialized_rollback, as every transactional test here: the seeded groups and
# permissions come back afterwards instead of being granted twice.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hand_ins_made_before_the_move_are_read_through_branches_after_it():
    try:
        executor = migrate(BEFORE)
        old_apps = executor.loader.project_state(BEFORE).apps
        grant_old_permissions(old_apps)
        old = make_old_handins(old_apps)
        assert CODENAMES <= held(METHODOLOGIST, "handin")
        assert CODENAMES <= held(DIRECTOR, "handin")

        migrate(AFTER)

        handin = HandIn.objects.get(pk=old["handin"])
        assert (handin.library_id, handin.period_id, handin.state) == (
            old["library"],
            old["period"],
            HandIn.State.RETURNED,
        )
        moves = HandInTransition.objects.filter(handin=handin).order_by("pk")
        assert [(m.pk, m.from_state, m.to_state, m.user_id, m.comment) for m in moves] == old[
            "moves"
        ]
        for model in (HandIn, HandInTransition):
            content_type = ContentType.objects.get_for_model(model)
            assert content_type.app_label == "branches"
        assert not ContentType.objects.filter(
            app_label="handin", model__in=["handin", "handintransition"]
        ).exists()
        for codename in CODENAMES:
            assert Permission.objects.get(
                content_type__app_label="branches", codename=codename
            ).codename
        assert CODENAMES <= held(METHODOLOGIST, "branches")
        assert CODENAMES <= held(DIRECTOR, "branches")
    finally:
        migrate_to_latest()


@pytest.mark.django_db
def test_the_roles_keep_reading_hand_ins(methodologist, director, librarian):
    for user in (methodologist, director):
        assert user.has_perm("branches.view_handin")
        assert user.has_perm("branches.view_handintransition")
    assert not librarian.has_perm("branches.view_handin")
