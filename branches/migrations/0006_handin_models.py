"""The hand-in and its moves become models of branches (the lock state's rows).

Their tables stay where the hand-in app created them (`handin_handin`,
`handin_handintransition`): this migration only adds the models to branches'
state (handin 0003 removes them from handin's), and moves their content types
to the app label `branches`, so the permissions (view_handin…) and the role
groups holding them follow with the same rows. Frozen: it imports no live code.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("handin", "handintransition")
STATES = [
    ("draft", "черновик"),
    ("submitted", "сдано"),
    ("accepted", "принято"),
    ("returned", "возвращено"),
]


def _move_content_types(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=from_label, model=model).first()
        if old is None:
            continue  # a fresh database: post_migrate creates them under the new label
        new = ContentType.objects.filter(app_label=to_label, model=model).first()
        if new is None:
            old.app_label = to_label
            old.save(update_fields=["app_label"])
            continue
        # Both exist (a post_migrate ran in between): keep the new one, carrying
        # over the groups and users that hold the old one's permissions.
        for permission in Permission.objects.filter(content_type=old):
            twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
            if twin is None:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
                continue
            twin.group_set.add(*permission.group_set.all())
            twin.user_set.add(*permission.user_set.all())
            permission.delete()
        old.delete()


def to_branches(apps, schema_editor):
    _move_content_types(apps, "handin", "branches")


def to_handin(apps, schema_editor):
    _move_content_types(apps, "branches", "handin")


class Migration(migrations.Migration):
    dependencies = [
        ("branches", "0005_library_short_name_kk"),
        # The tables are created there; this migration only claims them.
        ("handin", "0002_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HandIn",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("state", models.CharField(choices=STATES, default="draft", max_length=10, verbose_name="состояние")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="изменено")),
                        ("library", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="handins", to="branches.library", verbose_name="библиотека")),
                        ("period", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="handins", to="branches.reportingperiod", verbose_name="период")),
                    ],
                    options={
                        "verbose_name": "сдача данных",
                        "verbose_name_plural": "сдачи данных",
                        "db_table": "handin_handin",
                        "ordering": ["period", "library__order", "library__code"],
                        "constraints": [models.UniqueConstraint(fields=("library", "period"), name="handin_unique_per_period")],
                    },
                ),
                migrations.CreateModel(
                    name="HandInTransition",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("from_state", models.CharField(choices=STATES, max_length=10, verbose_name="было")),
                        ("to_state", models.CharField(choices=STATES, max_length=10, verbose_name="стало")),
                        ("at", models.DateTimeField(auto_now_add=True, verbose_name="когда")),
                        ("comment", models.TextField(blank=True, verbose_name="комментарий")),
                        ("handin", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="transitions", to="branches.handin", verbose_name="сдача данных")),
                        ("user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="кто")),
                    ],
                    options={
                        "verbose_name": "переход сдачи данных",
                        "verbose_name_plural": "переходы сдачи данных",
                        "db_table": "handin_handintransition",
                        "ordering": ["handin", "at", "pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(to_branches, to_handin),
    ]
