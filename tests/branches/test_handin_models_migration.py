"""Moving the hand-in's models from handin to branches loses nothing: a database
with hand-ins made before the move has the same rows after it, read through
branches, and the roles keep their permissions on them."""

import pytest

from branches.handins import HandIn
from branches.kinds import DIRECTOR, METHODOLOGIST
from tests.migrating import in_a_database_of_its_own, migrate

BEFORE = [("branches", "0005_library_short_name_kk"), ("handin", "0002_permissions")]
AFTER = [("branches", "0006_handin_models"), ("handin", "0003_handin_models_to_branches")]
CODENAMES = {"view_handin", "view_handintransition"}


def held(apps, group_name: str, app_label: str) -> list[str]:
    """The codenames of `app_label` the group holds, through the models of `apps`."""
    group = apps.get_model("auth", "Group").objects.get(name=group_name)
    return sorted(
        group.permissions.filter(content_type__app_label=app_label).values_list(
            "codename", flat=True
        )
    )


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
            [first.pk, "draft", "submitted", librarian.pk, ""],
            [second.pk, "submitted", "returned", methodologist.pk, "Проверьте поступления"],
        ],
    }


def handins_moved() -> dict:
    """Hand-ins and the roles' rights on them (as handin 0002 granted them) before the
    move, then what branches has of them after it, read through its historical models."""
    old = migrate(BEFORE)
    made = make_old_handins(old)
    roles = (METHODOLOGIST, DIRECTOR)
    rights_before = {name: held(old, name, "handin") for name in roles}

    new = migrate(AFTER)
    handin = new.get_model("branches", "HandIn").objects.get(pk=made["handin"])
    moves = new.get_model("branches", "HandInTransition").objects.filter(handin=handin)
    content_types = new.get_model("contenttypes", "ContentType").objects.filter(
        model__in=["handin", "handintransition"]
    )
    permissions = new.get_model("auth", "Permission").objects.filter(codename__in=CODENAMES)
    return {
        "made": made,
        "rights_before": rights_before,
        "handin": [handin.library_id, handin.period_id, handin.state],
        "moves": [
            [m.pk, m.from_state, m.to_state, m.user_id, m.comment] for m in moves.order_by("pk")
        ],
        "content_types": sorted(content_types.values_list("app_label", "model")),
        "permissions": sorted(permissions.values_list("content_type__app_label", "codename")),
        "rights_after": {name: held(new, name, "branches") for name in roles},
    }


def test_hand_ins_made_before_the_move_are_read_through_branches_after_it(tmp_path):
    result = in_a_database_of_its_own(handins_moved, tmp_path)
    made = result["made"]
    for name in (METHODOLOGIST, DIRECTOR):
        assert CODENAMES <= set(result["rights_before"][name])

    assert result["handin"] == [made["library"], made["period"], HandIn.State.RETURNED]
    assert result["moves"] == made["moves"]
    # The content types and their permissions moved to branches; none is left in handin.
    assert result["content_types"] == [["branches", "handin"], ["branches", "handintransition"]]
    assert result["permissions"] == [["branches", codename] for codename in sorted(CODENAMES)]
    for name in (METHODOLOGIST, DIRECTOR):
        assert CODENAMES <= set(result["rights_after"][name])


@pytest.mark.django_db
def test_the_roles_keep_reading_hand_ins(methodologist, director, librarian):
    for user in (methodologist, director):
        assert user.has_perm("branches.view_handin")
        assert user.has_perm("branches.view_handintransition")
    assert not librarian.has_perm("branches.view_handin")
