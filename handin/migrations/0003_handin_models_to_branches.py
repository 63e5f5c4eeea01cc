"""The hand-in and its moves are models of branches now (branches 0006 claims
their tables, which keep their names): they leave handin's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("handin", "0002_permissions"),
        ("branches", "0006_handin_models"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HandInTransition"),
                migrations.DeleteModel(name="HandIn"),
            ],
            database_operations=[],
        ),
    ]
