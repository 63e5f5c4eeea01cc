"""The demo's second half of 2021: ILLUSTRATIVE figures, invented (issue 27, item 4).

The seed is a report of the first half-year only. So that the annual report of 2021
(`build_report --period 2021`) has every section filled, the demo adds a plausible
second half for the kinds the half-year report already reads: receipts and
write-offs (with their Kazakh copies), the catalogue's counts at 01.01.2022,
digitized documents and the plan, publications, media, events (ru/kk), the online
tally, the work log July–December. None of it comes from a real report: every row
with a note says so (`NOTE`), and the narrative of the second half-year (its texts,
below) opens section I with `MARK`, which the annual report prints.

The figures continue the first half's scale: the fund keeps shrinking by write-off
of worn books, more of what is received is in Kazakh; events cluster around the
30th anniversary of Independence (16.12.2021), Abai's birthday (10.08), the Day
of languages (22.09) and the Day of the Republic (25.10).
"""

import datetime
from decimal import Decimal

D = datetime.date
YEAR, HALF = 2021, 2
NOTE = "Иллюстративные данные демо за 2 полугодие 2021 г., не из отчёта-образца"
# Printed at the head of the annual report's section I (the second half's narrative).
MARK = {
    "ru": "Данные второго полугодия 2021 г. — иллюстративные (демонстрационные): "
    "отчёт-образец охватывает только первое полугодие.",
    "kk": "2021 жылдың екінші жартыжылдығының деректері — иллюстрациялық (демонстрациялық): "
    "үлгі есеп тек бірінші жартыжылдықты қамтиды.",
}

LIBRARY = "cgb"  # the ЦБС's central acquisition, ledger, catalogue and digitization

# Section III: (source, thousand tenge) for the second half; receipts and write-offs.
BUDGETS = [("local-budget", Decimal("2410.0"))]
RECEIPTS = [
    {"source": "gift", "date": D(2021, 9, 8), "copies": 85, "copies_kk": 40},
    {"source": "local-budget", "date": D(2021, 10, 12), "copies": 1220, "copies_kk": 540},
    {"source": "state-order", "date": D(2021, 11, 18), "copies": 710, "copies_kk": 650},
]
WRITE_OFFS = [
    {"reason": "wear", "date": D(2021, 12, 20), "copies": 2150, "copies_kk": 310},
    {"reason": "obsolete", "date": D(2021, 12, 22), "copies": 640, "copies_kk": 25},
]

# Section VI: the catalogue's databases at 01.01.2022 (the first half's end + H2's records).
CATALOGUE_END = D(2022, 1, 1)
RECORD_GROWTH = {
    "book": 298,
    "articles": 455,
    "local-history": 120,
    "periodicals": 0,
    "ecology": 41,
    "sd": 0,
    "professional": 22,
    "rare": 0,
    "e-book": 6,
    "e-article": 9,
}
VIRTUAL_REFERENCES = 52

# Section V: the digitization plan of the half-year and what was done.
PLAN = [("articles", 180), ("books", 4)]
ARTICLES_BATCH = {
    "kind": "articles",
    "title": "Статьи из газет «Балқаш өңірі», «Северное Прибалхашье» (2 полугодие 2021)",
    "source": "«Балқаш өңірі», «Северное Прибалхашье»",
    "documents": 186,
    "pages": 142,
    "date": D(2021, 12, 28),
}
# (title, author, author_short, language, place, year, pages, day)
BOOKS = [
    ("Балқаш – менің қалам", "Әбенов, С.", "С.Әбенов", "kk", "Балқаш", 2005, 168, D(2021, 8, 20)),
    ("Көл жағасындағы өлеңдер", "Сейітов, Б.", "Б.Сейітов", "kk", "Қарағанды", 2010, 212,
     D(2021, 9, 24)),
    ("Медь Прибалхашья", "Кузнецов, В.", "В.Кузнецов", "ru", "Балхаш", 1998, 254,
     D(2021, 10, 29)),
    ("Тәуелсіздік жылдарындағы Балқаш", "Омарова, Г.", "Г.Омарова", "kk", "Балқаш", 2016, 190,
     D(2021, 12, 3)),
]  # fmt: skip

# Publications: (library, kind, title, quoted, pages, day); compilers as the first half's.
PUBLICATIONS = [
    ("f4", "e-booklet", "Абай – дана, Абай – дара", True, 16, D(2021, 8, 9)),
    ("f4", "e-booklet", "Тіл – ұлттың жаны", True, 14, D(2021, 9, 21)),
    ("f4", "e-booklet", "Тәуелсіздікке – 30 жыл", True, 24, D(2021, 12, 10)),
]
MULTIMEDIA = [
    ("cgb", "book-trailer", "Тәуелсіздік толғауы", True,
     "Қазақстан Республикасы Тәуелсіздігінің 30 жылдығына арналған буктрейлер",
     Decimal("41.2"), D(2021, 12, 14)),
    ("cgb", "book-trailer", "Ақын жүрегі", True,
     "Абай Құнанбайұлының туғанына 176 жыл толуына арналған буктрейлер",
     Decimal("28.6"), D(2021, 8, 10)),
]  # fmt: skip

# Media: the half-year's count only (the seed's own list stays the first half's).
MEDIA_TOTAL = {"mentions": 14, "by_librarians": 4, "tv_stories": 3}

# The online tally of the half-year (ЦГБ's row for the ЦБС, no platform).
ONLINE_FIGURES = {"online_events": 158, "subscribers": 27410, "views": 171230, "posts": 1986}

# Events: (library, form, title ru, title kk, day, online, platforms, initiatives,
# highlight, participants, views).
EVENTS = [
    ("cgb", "live", "прямой эфир «Астана – Елорда»", "«Астана – Елорда» тікелей эфирі",
     D(2021, 7, 5), True, ("instagram",), (), "local", None, 640),
    ("cgdb", "reading", "громкие чтения «Лето с книгой»", "«Кітаппен жаз» дауыстап оқу",
     D(2021, 7, 16), False, (), ("year-of-childrens-reading",), "", 34, None),
    ("f1", "quiz", "онлайн-викторина «Домбыра – қазақтың жаны»",
     "«Домбыра – қазақтың жаны» онлайн-викторинасы",
     D(2021, 7, 4), True, ("instagram",), (), "", None, 420),
    ("f5", "master-class", "мастер-класс «Книжка-малышка»", "«Кітапша-балапан» шеберлік сабағы",
     D(2021, 7, 23), False, (), ("year-of-childrens-reading",), "", 18, None),
    ("cgb", "poetry", "час поэзии «Абай – мәңгілік»", "«Абай – мәңгілік» поэзия сағаты",
     D(2021, 8, 10), False, (), ("rukhani-zhangyru",), "literary", 46, None),
    ("f2", "video-review", "видеообзор «Абай жолы»", "«Абай жолы» бейнешолуы",
     D(2021, 8, 9), True, ("facebook",), (), "literary", None, 380),
    ("f4", "challenge", "челлендж «Абай өлеңдерін оқимыз»", "«Абай өлеңдерін оқимыз» челленджі",
     D(2021, 8, 11), True, ("facebook", "instagram"), (), "literary", None, 910),
    ("f3", "review", "обзор выставки «Ата Заң – біздің тірегіміз»",
     "«Ата Заң – біздің тірегіміз» кітап көрмесіне шолу",
     D(2021, 8, 27), False, (), (), "local", 22, None),
    ("cgdb", "virtual-trip", "виртуальное путешествие «Кітап әлеміне саяхат»",
     "«Кітап әлеміне саяхат» виртуалды саяхаты",
     D(2021, 9, 1), True, ("zoom",), ("year-of-childrens-reading",), "", 57, None),
    ("f6", "meeting", "встреча «Библиотека и село»", "«Кітапхана және ауыл» кездесуі",
     D(2021, 9, 10), False, (), (), "", 25, None),
    ("cgb", "seminar", "семинар «Парасаттылық – адамның ең жақсы қасиеті»",
     "«Парасаттылық – адамның ең жақсы қасиеті» семинары",
     D(2021, 9, 15), False, (), ("parasat-zholy",), "", 38, None),
    ("f7", "quiz", "викторина «Тіл – ұлт тірегі»", "«Тіл – ұлт тірегі» викторинасы",
     D(2021, 9, 22), True, ("instagram",), (), "local", None, 290),
    ("cgb", "live", "прямой эфир «Тілдер мерекесі»", "«Тілдер мерекесі» тікелей эфирі",
     D(2021, 9, 22), True, ("facebook",), (), "local", None, 730),
    ("f1", "action", "акция «Одна страна – одна книга»: читаем «Көшпенділер»",
     "«Бір ел – бір кітап» акциясы: «Көшпенділер» оқимыз",
     D(2021, 9, 28), False, (), ("one-country-one-book",), "", 64, None),
    ("cgb", "contest", "конкурс чтецов «Бір ел – бір кітап»", "«Бір ел – бір кітап» мәнерлеп оқу байқауы",
     D(2021, 10, 6), False, (), ("one-country-one-book",), "", 41, None),
    ("cgdb", "presentation", "презентация «Қарттарым – асыл қазынам»",
     "«Қарттарым – асыл қазынам» таныстырылымы",
     D(2021, 10, 1), False, (), (), "", 30, None),
    ("f5", "challenge", "челлендж «Мен оқыған кітап»", "«Мен оқыған кітап» челленджі",
     D(2021, 10, 14), True, ("instagram",), ("year-of-childrens-reading",), "", None, 520),
    ("cgb", "meeting", "встреча «Рухани келісім»", "«Рухани келісім» кездесуі",
     D(2021, 10, 18), False, (), ("parasat-zholy",), "", 44, None),
    ("f2", "live", "прямой эфир «Республика күні»", "«Республика күні» тікелей эфирі",
     D(2021, 10, 25), True, ("instagram",), (), "local", None, 460),
    ("f3", "video", "видеоролик «Балқаш – жыр бесігі»", "«Балқаш – жыр бесігі» бейнероликі",
     D(2021, 11, 5), True, ("facebook", "youtube"), (), "", None, 350),
    ("f4", "club", "заседание клуба «Кітапқұмар балалар»", "«Кітапқұмар балалар» үйірмесінің отырысы",
     D(2021, 11, 12), False, (), ("year-of-childrens-reading",), "", 16, None),
    ("cgdb", "quiz", "онлайн-викторина «Ертегілер елінде»", "«Ертегілер елінде» онлайн-викторинасы",
     D(2021, 11, 19), True, ("zoom",), ("year-of-childrens-reading",), "", 48, None),
    ("f7", "review", "обзор выставки «Жаңа кітаптар»", "«Жаңа кітаптар» көрмесіне шолу",
     D(2021, 11, 26), False, (), (), "", 19, None),
    ("cgb", "presentation", "презентация книги «Тәуелсіздік толғауы»",
     "«Тәуелсіздік толғауы» кітабының таныстырылымы",
     D(2021, 12, 14), False, (), (), "local", 72, None),
    ("cgb", "festival", "фестиваль «Тәуелсіздікке – 30 жыл»", "«Тәуелсіздікке – 30 жыл» фестивалі",
     D(2021, 12, 16), False, (), ("rukhani-zhangyru",), "local", 150, None),
    ("f1", "live", "прямой эфир «Тәуелсіздік – тұғырым»", "«Тәуелсіздік – тұғырым» тікелей эфирі",
     D(2021, 12, 15), True, ("instagram",), (), "local", None, 810),
    ("f6", "reading", "громкие чтения «Тәуелсіздік жырлары»", "«Тәуелсіздік жырлары» дауыстап оқу",
     D(2021, 12, 13), False, (), (), "", 21, None),
    ("f4", "video-review", "видеообзор «Парасат жолы»", "«Парасат жолы» бейнешолуы",
     D(2021, 12, 9), True, ("facebook",), ("parasat-zholy",), "", None, 270),
    ("cgdb", "master-class", "мастер-класс «Жаңа жылдық ойыншық»",
     "«Жаңа жылдық ойыншық» шеберлік сабағы",
     D(2021, 12, 24), False, (), (), "", 27, None),
    ("f5", "poetry", "литературный час «Мұқағали әлемі»", "«Мұқағали әлемі» әдеби сағаты",
     D(2021, 12, 3), True, ("zoom",), (), "literary", 36, None),
]  # fmt: skip

# The second half-year's report: its narrative (ru, kk) per section, illustrative.
SECTION_TEXTS = {
    "network": (MARK["ru"], MARK["kk"]),
    "mass_work": (
        "Во втором полугодии библиотеки ЦБС провели мероприятия к 30-летию Независимости "
        "Республики Казахстан, ко дню рождения Абая, Дню языков народа Казахстана и Дню "
        "Республики (иллюстративный текст).",
        "Екінші жартыжылдықта ОКЖ кітапханалары Қазақстан Республикасы Тәуелсіздігінің 30 "
        "жылдығына, Абайдың туған күніне, Қазақстан халқының тілдері күніне және Республика "
        "күніне арналған іс-шаралар өткізді (иллюстрациялық мәтін).",
    ),
}
ANNUAL_TEXTS = {
    "fund_structure": (
        "Фонд ЦБС универсален по содержанию; доля документов на казахском языке растёт "
        "(иллюстративный текст).",
        "ОКЖ қоры мазмұны бойынша әмбебап; қазақ тіліндегі құжаттардың үлесі өсіп келеді "
        "(иллюстрациялық мәтін).",
    ),
    "user_groups": (
        "Основные группы пользователей — учащиеся и пенсионеры; внестационарное обслуживание "
        "ведётся через пункты выдачи (иллюстративный текст).",
        "Пайдаланушылардың негізгі топтары — оқушылар мен зейнеткерлер; стационардан тыс қызмет "
        "беру пункттері арқылы жүргізіледі (иллюстрациялық мәтін).",
    ),
    "reference_work": (
        "Справки выполнялись по запросам читателей, в том числе удалённо (иллюстративный текст).",
        "Анықтамалар оқырмандардың сұраныстары бойынша, оның ішінде қашықтан орындалды "
        "(иллюстрациялық мәтін).",
    ),
    "clubs": (
        "При библиотеках работают клубы по интересам для детей и взрослых (иллюстративный текст).",
        "Кітапханаларда балалар мен ересектерге арналған қызығушылықтар бойынша клубтар жұмыс "
        "істейді (иллюстрациялық мәтін).",
    ),
    "methodical_work": (
        "Методический отдел ЦГБ проводил семинары и консультации для сотрудников филиалов "
        "(иллюстративный текст).",
        "ОҚК әдістемелік бөлімі филиал қызметкерлеріне семинарлар мен кеңестер өткізді "
        "(иллюстрациялық мәтін).",
    ),
    "finance": (
        "ЦБС финансируется из местного бюджета; средства направлены на комплектование, "
        "подписку и ремонт (иллюстративный текст).",
        "ОКЖ жергілікті бюджеттен қаржыландырылады; қаражат қорды толықтыруға, жазылымға және "
        "жөндеуге жұмсалды (иллюстрациялық мәтін).",
    ),
    "partners": (
        "Партнёры ЦБС — школы, колледжи, общественные объединения и СМИ города "
        "(иллюстративный текст).",
        "ОКЖ серіктестері — қаланың мектептері, колледждері, қоғамдық бірлестіктері және БАҚ "
        "(иллюстрациялық мәтін).",
    ),
    "conclusions": (
        "Выводы: план по основным показателям выполнен, растёт доля онлайн-работы.\n\n"
        "Проблемы: износ фонда, недостаток компьютеров в сельской библиотеке, потребность в "
        "ремонте помещений (иллюстративный текст).",
        "Қорытындылар: негізгі көрсеткіштер бойынша жоспар орындалды, онлайн-жұмыстың үлесі "
        "өсуде.\n\nМәселелер: қордың тозуы, ауылдық кітапханада компьютерлердің жетіспеуі, "
        "үй-жайларды жөндеу қажеттілігі (иллюстрациялық мәтін).",
    ),
}
