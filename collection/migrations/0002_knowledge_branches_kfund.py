"""Seed the ББК groups a library counts its fund by (frozen here: a migration imports no
live code). The methodologist may rename, reorder or add groups in the admin."""

from django.db import migrations

# (code, Russian name, Kazakh name, order)
KNOWLEDGE_BRANCHES = [
    ("social-political", "Общественно-политическая литература", "Қоғамдық-саяси әдебиет", 1),
    ("natural-sciences", "Естественно-научная литература", "Жаратылыстану-ғылыми әдебиет", 2),
    ("technical", "Техническая литература", "Техникалық әдебиет", 3),
    ("agricultural", "Сельскохозяйственная литература", "Ауыл шаруашылығы әдебиеті", 4),
    ("arts-sports", "Искусство и спорт", "Өнер және спорт", 5),
    ("fiction", "Художественная литература", "Көркем әдебиет", 6),
    ("children", "Детская литература", "Балалар әдебиеті", 7),
    ("other", "Прочая литература", "Басқа әдебиет", 8),
]


def forwards(apps, schema_editor):
    KnowledgeBranch = apps.get_model("collection", "KnowledgeBranch")
    for code, name_ru, name_kk, order in KNOWLEDGE_BRANCHES:
        KnowledgeBranch.objects.get_or_create(
            code=code, defaults={"name_ru": name_ru, "name_kk": name_kk, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("collection", "0001_collection_kfund")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
