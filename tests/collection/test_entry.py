"""The collection's rows: each breakdown adds up to its total and parts stay within their
whole, in the form (a message in the user's language, next to the field) and in the
database; a year's figure follows from its halves by each figure's rule."""

import pytest
from django.db import IntegrityError, transaction
from django.forms import modelform_factory
from django.utils import translation

from branches.calendar import span_parse
from branches.kind_figures import kind_figures_by_library
from branches.models import ReportingPeriod
from collection.models import FundStructure, Subscription, UserGroups
from entry.admin_base import FieldErrorsForm

pytestmark = pytest.mark.django_db

FUND = {"total": 1000, "books": 900, "periodicals": 100, "kazakh": 600, "russian": 400}


def _form(model, library, period, **values):
    form_class = modelform_factory(model, form=FieldErrorsForm, exclude=[])
    # A form posts every field: the counts not given are 0, as the admin's form starts them.
    counts = {
        f.name: 0
        for f in model._meta.fields
        if f.get_internal_type() == "PositiveIntegerField" and not f.null
    }
    data = {"library": library.pk, "period": period.pk, **counts, **values}
    return form_class(data=data)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Книги, периодические, электронные, аудиовизуальные и прочие документы в сумме "
               "должны составлять весь фонд."),
        ("kk", "Кітаптар, мерзімді, электрондық, аудиовизуалды және басқа құжаттар қосындысы "
               "бүкіл қорды құрауы тиіс."),
    ],
)  # fmt: skip
def test_kinds_of_documents_that_do_not_make_the_fund_are_refused(
    library, period, language, message
):
    with translation.override(language):
        form = _form(FundStructure, library, period, **{**FUND, "books": 800})
        assert not form.is_valid()
        assert form.errors["books"] == [message]
    assert not FundStructure.objects.exists()


def test_languages_that_do_not_make_the_fund_are_refused(library, period):
    form = _form(FundStructure, library, period, **{**FUND, "russian": 300})
    assert form.errors["kazakh"] == [
        "Документы на казахском, русском и других языках в сумме должны составлять весь фонд."
    ]
    assert _form(FundStructure, library, period, **FUND).is_valid()


def test_the_database_refuses_what_the_form_would(library, period):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundStructure.objects.create(library=library, period=period, **{**FUND, "books": 1})
    with pytest.raises(IntegrityError), transaction.atomic():
        UserGroups.objects.create(
            library=library, period=period, total=10, children=5, youth=5, pensioners=1
        )


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"children": 5}, "children",
         "Дети, молодёжь и взрослые в сумме должны составлять всех пользователей."),
        ({"pensioners": 31}, "pensioners",
         "Пенсионеров не может быть больше взрослых пользователей."),
        ({"students": 40, "employed": 30}, "students",
         "Учащихся и работающих вместе не может быть больше всех пользователей."),
    ],
)  # fmt: skip
def test_user_groups_stay_within_the_users(library, period, values, field, message):
    users = {"total": 60, "children": 20, "youth": 10, "adults": 30, **values}
    form = _form(UserGroups, library, period, **users)
    assert form.errors[field] == [message]


def test_occupation_not_kept_is_empty_not_zero(library, period):
    form = _form(UserGroups, library, period, total=60, children=20, youth=10, adults=30)
    assert form.is_valid(), form.errors
    row = form.save()
    assert (row.students, row.employed) == (None, None)


def test_subscription_kazakh_titles_within_the_titles(library, period):
    form = _form(Subscription, library, period, titles=5, titles_kk=6, copies=10)
    assert form.errors["titles_kk"] == [
        "Наименований на казахском языке не может быть больше всех наименований."
    ]


def test_a_year_takes_the_latest_state_the_larger_titles_and_the_sum_of_copies(
    organization, library, period
):
    second = ReportingPeriod.objects.create(organization=organization, year=2021, half=2)
    Subscription.objects.create(library=library, period=period, titles=10, copies=30, amount=9)
    Subscription.objects.create(library=library, period=second, titles=8, copies=20, amount=6)
    UserGroups.objects.create(library=library, period=period, total=40, children=40)
    UserGroups.objects.create(library=library, period=second, total=55, children=55)
    year = kind_figures_by_library(library_ids=[library.pk], span=span_parse(organization, "2021"))
    figures = year[library.pk]
    assert (figures["subscription_titles"], figures["subscription_copies"]) == (10, 50)
    assert figures["subscription_amount"] == 15
    assert (figures["group_total"], figures["group_children"]) == (55, 55)
