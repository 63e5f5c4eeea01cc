"""Values of the pick lists that occur in the seed report, loaded by data migrations.

Kept in one module so the migrations, the demo loader and the tests agree on
the codes. Each entry: (code, Russian name, Kazakh name).
"""

PLATFORMS = [
    ("facebook", "Facebook", "Facebook"),
    ("instagram", "Instagram", "Instagram"),
    ("youtube", "YouTube", "YouTube"),
    ("vk", "ВКонтакте", "ВКонтакте"),
    ("ok", "Одноклассники", "Одноклассники"),
    ("zoom", "Zoom", "Zoom"),
    ("tiktok", "TikTok", "TikTok"),
    ("site", "Сайт ЦБС", "ОКЖ сайты"),
]

FUNDING_SOURCES = [
    ("local-budget", "Покупка из местного бюджета", "Жергілікті бюджеттен сатып алу"),
    ("state-order", "Госзаказ", "Мемлекеттік тапсырыс"),
    ("gift", "Дар", "Сыйға алынған"),
    ("replacement", "Взамен утерянных", "Жоғалғанның орнына"),
    ("other", "Прочие поступления", "Басқа түсімдер"),
]

WRITE_OFF_REASONS = [
    ("wear", "Физический износ", "Физикалық тозу"),
    ("loss", "Утеря", "Жоғалту"),
    ("obsolete", "Устарелость по содержанию", "Мазмұны ескіруі"),
    ("other", "Прочие причины", "Басқа себептер"),
]

CATALOGUE_DATABASES = [
    ("book", "ЭК «Книга»", "ЭК «Кітап»"),
    ("articles", "ЭК «Статьи»", "ЭК «Мақалалар»"),
    ("local-history", "ЭК «Краеведение»", "ЭК «Өлкетану»"),
    ("periodicals", "ЭК «Периодика»", "ЭК «Мерзімді басылымдар»"),
    ("ecology", "ЭК «Экология»", "ЭК «Экология»"),
    ("sd", "ЭК «СД»", "ЭК «СД»"),
    ("professional", "ЭК «Профессионал»", "ЭК «Кәсіпқой»"),
    ("rare", "ЭК «Редкий фонд»", "ЭК «Сирек қор»"),
    ("e-book", "ЭК «Е-Книга»", "ЭК «Е-Кітап»"),
    ("e-article", "ЭК «Е-Статья»", "ЭК «Е-Мақала»"),
]

DOCUMENT_KINDS = [
    ("articles", "Статьи", "Мақалалар"),
    ("books", "Книги", "Кітаптар"),
]

# (code, ru, kk, is_multimedia)
PUBLICATION_KINDS = [
    ("e-booklet", "Электронный буклет", "Электронды буклет", False),
    ("booklet", "Буклет", "буклет", False),
    ("literary-podium", "Литературный подиум", "әдеби подиум", False),
    ("presentation", "Презентация", "Презентация", False),
    ("book-trailer", "Буктрейлер", "Буктрейлер", True),
    ("video", "Видеоролик", "Бейнеролик", True),
    ("virtual-exhibition", "Виртуальная выставка", "Виртуалды көрме", True),
]

EVENT_FORMS = [
    ("challenge", "Челлендж", "Челлендж"),
    ("live", "Прямой эфир", "Тікелей эфир"),
    ("meeting", "Встреча", "Кездесу"),
    ("seminar", "Семинар", "Семинар"),
    ("review", "Обзор книжной выставки", "Кітап көрмесіне шолу"),
    ("video-review", "Видеообзор", "Бейнешолу"),
    ("video", "Видеоролик", "Бейнеролик"),
    ("presentation", "Презентация", "Таныстырылым"),
    ("quiz", "Викторина", "Викторина"),
    ("contest", "Конкурс", "Байқау"),
    ("action", "Акция", "Акция"),
    ("master-class", "Мастер-класс", "Шеберлік сыныбы"),
    ("poetry", "Литературный вечер, час поэзии", "Әдеби кеш, поэзия сағаты"),
    ("virtual-trip", "Виртуальное путешествие", "Виртуалды саяхат"),
    ("reading", "Громкие чтения", "Дауыстап оқу"),
    ("tiktok", "Тик-ток", "Тик-ток"),
    ("exhibition", "Выставка", "Көрме"),
    ("festival", "Фестиваль", "Фестиваль"),
    ("club", "Кружок, клуб", "Үйірме, клуб"),
    ("other", "Другое", "Басқа"),
]

INITIATIVES = [
    ("parasat-zholy", "Центр «Парасат жолы»", "«Парасат жолы» орталығы"),
    ("kitap-fest", "Книжный фестиваль «KITAP FEST»", "«KITAP FEST» кітап фестивалі"),
    ("one-country-one-book", "Акция «Одна страна – одна книга»", "«Бір ел – бір кітап» акциясы"),
    (
        "year-of-childrens-reading",
        "Год поддержки детского и юношеского чтения",
        "Балалар мен жасөспірімдер оқуын қолдау жылы",
    ),
    ("rukhani-zhangyru", "Программа «Рухани жаңғыру»", "«Рухани жаңғыру» бағдарламасы"),
    ("good-deeds-marathon", "Марафон добрых дел", "Игі істер марафоны"),
    ("professional-steps", "Проект «Ступени профессионализма»", "«Кәсібилік баспалдақтары» жобасы"),
]


def load(apps, app_label: str, model_name: str, rows, extra_field: str | None = None):
    """Create or update list rows by code; used by data migrations."""
    model = apps.get_model(app_label, model_name)
    for order, row in enumerate(rows, start=1):
        code, name_ru, name_kk, *rest = row
        defaults = {"name_ru": name_ru, "name_kk": name_kk, "order": order * 10}
        if extra_field and rest:
            defaults[extra_field] = rest[0]
        model.objects.update_or_create(code=code, defaults=defaults)
