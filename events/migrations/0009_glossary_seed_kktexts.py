"""The glossary's first phrases: the patterns and calendar days of issue 25 and the terms of
shared/kk-glossary.md that occur in event texts. Frozen here (a migration imports no live
code); the methodologist extends the list in the admin."""

from django.db import migrations

ENTRIES = [
    # Anniversaries: {n} a number, {name} a person (Kazakh genitive: «Ж.Жабаевтың»).
    ("anniversary-of", "к {n}-летию {name}", "{name} туғанына {n} жыл толуына орай"),
    ("anniversary-of-birth", "к {n}-летию со дня рождения {name}",
     "{name} туғанына {n} жыл толуына орай"),
    ("dedicated-anniversary-of", "посвященный {n}-летию {name}",
     "{name} туғанына {n} жыл толуына арналған"),
    ("independence-anniversary-rk", "к {n}-летию Независимости Республики Казахстан",
     "Қазақстан Республикасы Тәуелсіздігінің {n} жылдығына орай"),
    ("independence-anniversary", "к {n}-летию Независимости",
     "Тәуелсіздіктің {n} жылдығына орай"),
    # Days of the calendar.
    ("independence-day", "ко Дню Независимости", "Тәуелсіздік күніне орай"),
    ("nauryz", "к празднику Наурыз", "Наурыз мерекесіне орай"),
    ("nauryz-short", "к Наурызу", "Наурыз мерекесіне орай"),
    ("children-day", "ко Дню защиты детей", "Балаларды қорғау күніне орай"),
    # «к Дню…» as librarians often write it, beside the grammar's «ко Дню…».
    ("children-day-k", "к Дню защиты детей", "Балаларды қорғау күніне орай"),
    ("victory-day-k", "к Дню Победы", "Жеңіс күніне орай"),
    ("family-day-k", "к Дню семьи", "Отбасы күніне орай"),
    ("children-day-intl", "к Международному дню защиты детей",
     "Халықаралық балаларды қорғау күніне орай"),
    ("republic-day", "ко Дню Республики", "Республика күніне орай"),
    ("victory-day", "ко Дню Победы", "Жеңіс күніне орай"),
    ("thanks-day", "ко Дню благодарности", "Алғыс айту күніне орай"),
    ("thanks-day-dedicated", "посвященный Дню благодарности", "Алғыс айту күніне арналған"),
    ("women-day", "к Международному женскому дню", "Халықаралық әйелдер күніне орай"),
    ("unity-day", "ко Дню единства народа Казахстана", "Қазақстан халқының бірлігі күніне орай"),
    ("capital-day", "ко Дню столицы", "Елорда күніне орай"),
    ("constitution-day", "ко Дню Конституции", "Конституция күніне орай"),
    ("defender-day", "ко Дню защитника Отечества", "Отан қорғаушылар күніне орай"),
    ("family-day-intl", "к Международному Дню семьи", "Халықаралық отбасы күніне орай"),
    ("family-day", "ко Дню семьи", "Отбасы күніне орай"),
    ("book-day", "к Всемирному дню книги и авторского права",
     "Дүниежүзілік кітап және авторлық құқық күніне орай"),
    ("repressions-day", "в честь Дня памяти жертв политических репрессий и голода",
     "Саяси қуғын-сүргін және ашаршылық құрбандарын еске алу күніне орай"),
    ("city-day", "в честь Дня города", "Қала күніне орай"),
    ("languages-day", "ко Дню языков народа Казахстана", "Қазақстан халқының тілдері күніне орай"),
    ("mother-tongue-day", "к Международному дню родного языка",
     "Халықаралық ана тілі күніне орай"),
    ("book-giving-day", "ко Дню книгодарения", "Кітап сыйлау күніне орай"),
    # Audiences.
    ("for-seniors-school", "для старшеклассников", "жоғары сынып оқушыларына арналған"),
    ("for-children-disabled", "для детей с ограниченными возможностями",
     "мүмкіндігі шектеулі балаларға арналған"),
    ("for-children", "для детей", "балаларға арналған"),
    ("for-elderly-people", "для пожилых людей", "қарт адамдарға арналған"),
    ("for-elderly", "для пожилых", "қарт адамдарға арналған"),
    ("for-youth", "для молодежи", "жастарға арналған"),
    ("for-youth-yo", "для молодёжи", "жастарға арналған"),
    ("for-pupils", "для школьников", "мектеп оқушыларына арналған"),
    ("for-preschool", "для дошкольников", "мектеп жасына дейінгі балаларға арналған"),
    ("for-readers", "для читателей", "оқырмандарға арналған"),
    ("for-students", "для студентов", "студенттерге арналған"),
    ("for-adults", "для взрослых", "ересектерге арналған"),
    ("for-parents", "для родителей", "ата-аналарға арналған"),
    # Terms (shared/kk-glossary.md).
    ("online-event", "онлайн-мероприятие", "онлайн іс-шара"),
    ("book-fund", "книжный фонд", "кітап қоры"),
    ("document-fund", "фонд документов", "құжат қоры"),
    ("in-kazakh", "на казахском языке", "қазақ тілінде"),
    ("electronic", "электронный", "электрондық"),
]  # fmt: skip


def seed(apps, schema_editor):
    entry = apps.get_model("events", "GlossaryEntry")
    for order, (code, russian, kazakh) in enumerate(ENTRIES, 1):
        entry.objects.get_or_create(
            code=code, defaults={"name_ru": russian, "name_kk": kazakh, "order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0008_glossary_kktexts")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
