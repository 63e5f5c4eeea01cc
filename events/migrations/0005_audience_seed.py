"""Seed the audience categories and tick them on events whose audience text clearly names one.

Frozen: the values and the words below are those of when this migration was
written (a migration must not import live code). The text stays as it is: the
report prints it («для старшеклассников»); the categories are what section IV
counts by. Text that names no category clearly («для учащихся ОСШ №8»: pupils
of any age) is left for the librarian to tick.
"""

import re

from django.db import migrations

# (code, Russian name, Kazakh name)
AUDIENCES = [
    ("children", "Дети", "Балалар"),
    ("youth", "Молодёжь", "Жастар"),
    ("adults", "Взрослые", "Ересектер"),
    ("disabilities", "Люди с ограниченными возможностями", "Мүмкіндігі шектеулі адамдар"),
    ("seniors", "Пожилые", "Егде жастағы адамдар"),
]

# A category, and the word beginnings that name it in an audience text. «\bдет» is
# «дети», «детей», «детский», not «многодетных» (families).
WORDS = {
    "children": r"\b(дет|ребят|малыш|дошкол|младш\w* школьн)",
    "youth": r"\b(молод[её]ж|старшеклассн|студент|юношеств)",
    "adults": r"\bвзросл",
    "disabilities": r"(ограниченн\w* возможност|\bинвалид|\bОВЗ\b|особыми потребност)",
    "seniors": r"\b(пожил|пенсионер|старшего поколени|людей старшего возраста)",
}


def categories_of(text: str) -> list[str]:
    return [code for code, pattern in WORDS.items() if re.search(pattern, text, re.IGNORECASE)]


def forwards(apps, schema_editor):
    Audience = apps.get_model("events", "Audience")
    Event = apps.get_model("events", "Event")
    for order, (code, name_ru, name_kk) in enumerate(AUDIENCES, start=1):
        Audience.objects.update_or_create(
            code=code, defaults={"name_ru": name_ru, "name_kk": name_kk, "order": order * 10}
        )
    by_code = {a.code: a for a in Audience.objects.filter(code__in=WORDS)}
    # The link table directly: the event's save() would run today's freeze rule,
    # which a historical model does not have; this only mirrors what the text says.
    Link = Event.audiences.through
    links = [
        Link(event_id=event_id, audience_id=by_code[code].pk)
        for event_id, text in Event.objects.exclude(audience="").values_list("id", "audience")
        for code in categories_of(text)
        if code in by_code
    ]
    Link.objects.bulk_create(links, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("events", "0004_audience")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
