"""Information support of significant events: the named events, the pages, the online totals.

Every named event of the seed's section «Информационно-библиотечная поддержка
значимых мероприятий» is one row, loaded ONCE even when the seed lists it in
several subsections: its initiatives, highlight and form put it in each of them.
Titles are the seed's words, form words included (`час поэзии «...»`); the
dedication («к 175-летию Ж.Жабаева») is kept apart because the report appends it.
A library is the one the seed names; «ЦБС», the common pages or no library: ЦГБ.
The seed's 8th live broadcast is two broadcasts of two libraries: two rows.
Where one bullet names several events («мастер-классы «A», «B»»), each is a row;
where it names a project and what was read in it, the project is the row and
the readings its note. Unnamed items that are only prose (the Children's Day
journey of ЦГДБ) stay in the narrative.

Dates. From the seed: 10 March (the «Парасат жолы» opening), 23 April (World
Book Day, KITAP FEST), 15 May (Day of the family; «Волшебный рюкзачок»), 31 May
(Day of remembrance), 7 June (the theologian's broadcast). From the occasion the
seed names: Day of thanks 1 March (its live meeting «в канун»: 28 February),
Nauryz 21-22 March, 8 March, Victory Day 9 May, Children's Day 1 June, Day of
the mother tongue 21 February, Book-giving day 14 February, Day of the city
16 March (assumed: the seed gives no day; its numbered live-broadcast list,
which is in date order, puts it after the broadcast «в преддверии праздника
Наурыз» and before World Book Day), and writers' birthdays that fall in H1.
Every other date is a plausible day in H1 2021. The numbered live broadcasts
print in the seed's order; the bulleted groups print by date, not always in the
seed's bullet order.
"""

import datetime
from dataclasses import dataclass

D = datetime.date

# «Всего было проведено 183 онлайн–мероприятия, зафиксировано 25192 подписчика,
# 164785 просмотров, 2128 публикаций»: totals of the ЦБС, kept as ЦГБ's row with
# no platform (the seed has no per-platform split).
ONLINE_LIBRARY = "cgb"
ONLINE_FIGURES = {"online_events": 183, "subscribers": 25192, "views": 164785, "posts": 2128}


@dataclass(frozen=True)
class E:
    library: str
    form: str
    title: str
    date: datetime.date
    dedication: str = ""
    initiatives: tuple[str, ...] = ()
    highlight: str = ""
    platforms: tuple[str, ...] = ()
    online: bool = True
    guests: str = ""
    audience: str = ""
    note: str = ""
    series: str = ""  # «33 идеи»: the club, circle, project... the event was part of
    series_kind: str = ""  # club | circle | project | rubric | programme
    note_in_report: bool = False
    # Audience categories (events.Audience codes) where the seed's words name them:
    # «для старшеклассников», «для детей с ограниченными возможностями»...
    audiences: tuple[str, ...] = ()


# The ЦБС's common pages and the libraries' pages, as the paragraphs of
# «Значимые литературные события» give them: (library code or None, platform, url).
SOCIAL_PAGES = [
    (None, "instagram", "https://www.instagram.com/balqashokj/?hl=ru"),
    (None, "facebook", "https://www.facebook.com/profile.php?id=100015723580942&ref=bookmarks"),
    (None, "ok", "http://ok.ru/profile/588344022051"),
    (None, "vk", "http://vk.com/cbsbalkhash"),
    ("cgdb", "facebook", "https://www.facebook.com/cgdbb"),
    ("cgdb", "instagram", "https://www.instagram.com/balqashoqbk/"),
    ("f1", "instagram", "https://www.instagram.com/1kitaphana_filialy/"),
    ("f2", "instagram", "https://www.instagram.com/2kitaphana_filialy/"),
    ("f2", "facebook",
     "https://www.facebook.com/biblioteka.filial2?fref=profile_friend_list&hc_location=friends_tab"),
    ("f3", "facebook", "https://www.facebook.com/profile.php?id=100049161332314"),
    ("f4", "facebook", "https://www.facebook.com/profile.php?id=100011219373453"),
    ("f5", "instagram", "https://www.instagram.com/5_balalar_kitaphana_filialy/"),
    ("f6", "instagram", "https://www.instagram.com/6kitaphana_filialy/"),
]  # fmt: skip

PARASAT = "parasat-zholy"
KITAP_FEST = "kitap-fest"
ONE_BOOK = "one-country-one-book"
CHILDREN = "year-of-childrens-reading"
RUKHANI = "rukhani-zhangyru"
GOOD_DEEDS = "good-deeds-marathon"
PRO_STEPS = "professional-steps"
LITERARY = "literary"
LOCAL = "local"
ZOOM = ("zoom",)
CHILD = ("children",)
CHILD_DISABLED = ("children", "disabilities")
TIKTOK = ("tiktok",)

VICTORY = "ко Дню Победы"
THANKS = "ко Дню благодарности"
REPRESSIONS = "в честь Дня памяти жертв политических репрессий и голода"

# Центр «Парасат жолы» (opened 10 March) and its live meetings.
_PARASAT = [
    E("cgb", "meeting", "открытие Центра «Парасат жолы»", D(2021, 3, 10), online=False,
      initiatives=(PARASAT,),
      guests="с участием руководителя ГУ «Отдел культуры и развития языков города Балхаш» "
      "Ж.С.Балапановой, Т.А.Жуманова, Ш.Р.Сыздыковой, К.М.Бекмагамбетова, М.С.Жарылгапа, "
      "К.М.Саденова, М.И.Булековой, Н.М.Карима, Е.Амантая, представителей городских СМИ"),
    E("cgb", "exhibition", "постоянные выставки «Строим будущее без коррупции»", D(2021, 3, 10),
      online=False, initiatives=(PARASAT,),
      note="В Центре и уголках «Парасат жолы» библиотек ЦБС.", note_in_report=True),
    E("cgb", "other", "биеннале «О добре и добропорядочности»", D(2021, 3, 25),
      initiatives=(PARASAT,), note="На общих страницах ЦБС."),
]  # fmt: skip

# «Прямые эфиры» 1-9 of the seed (item 8 is two broadcasts of two libraries).
_LIVE = [
    E("cgb", "live",
      "встреча в прямом эфире с представителями этнокультурных центров "
      "«Спасибо тебе, земля Казахстана!»", D(2021, 2, 28), dedication=THANKS, highlight=LOCAL),
    E("cgb", "live", "встреча в прямом эфире «Сырға толы нұрлы бейне»", D(2021, 3, 11),
      initiatives=(PARASAT, ONE_BOOK),
      guests="с поэтессой, писателем, журналистом, Заслуженным деятелем Казахстана, призером "
      "международных и республиканских литературных конкурсов, членом Союза писателей "
      "Казахстана, Союза журналистов и Международной женской гильдии Сауле Магазбековной "
      "Досжан",
      note="Обсуждены роман «Қасірет пен тағдыр» (список «30 книг – 30-летию Независимости»), "
      "книги «Үлкен үйдегі үрей», «Өгей жүрек», «Ауылдан шыққан миллионер»."),
    E("cgb", "live", "прямой эфир «Салт-дәстүрді дәріптеген ұстаз»", D(2021, 3, 13),
      initiatives=(PARASAT,), highlight=LOCAL, platforms=("instagram",),
      guests="с обладателем нагрудного знака «Ыбырай Алтынсарин», директором Балхашского "
      "филиала общественного объединения «Федерация стрельбы из лука, арбалета и дартса», "
      "мастером спорта Республики Казахстан по стрельбе из лука, преподавателем физической "
      "культуры и спорта ОСШ№9 Ж.Мухаметжановым",
      series="«Bookdating - создай свое будущее с помощью чтения»", series_kind="project",
      note="В преддверии праздника Наурыз; трансляция на странице ЦБС в Instagram."),
    E("cgb", "live", "прямой эфир «Туған өлке – тұңған шежіре»", D(2021, 3, 16),
      dedication="в честь Дня города", initiatives=(PARASAT, RUKHANI), highlight=LOCAL,
      series="«Рухани жаңғыру»", series_kind="programme",
      guests="с местным поэтом, композитором, журналистом Куандыком Максутовичем Саденовым"),
    E("cgb", "live", "прямой эфир «Кітап - уақыт пен кеңістіктің тынысы»", D(2021, 4, 22),
      initiatives=(KITAP_FEST,),
      guests="с председателем благотворительного фонда «Үміт үзбе», руководителем бизнес-клуба "
      "«Billionaire», директором Международной школы языков ILC Оралханом Даулетұлы"),
    E("f1", "live", "встреча «Ой маржаны - кітап» в прямом эфире", D(2021, 4, 23),
      initiatives=(KITAP_FEST,), highlight=LOCAL,
      guests="с обладателем Золотого нагрудного знака молодежи Республики Казахстан Канатом "
      "Канафиным"),
    E("f1", "live", "библио-встреча «Отбасы бақыт аясы»", D(2021, 5, 15),
      dedication="к Международному Дню семьи", highlight=LOCAL,
      guests="с многодетной мамой, учителем Т.Мейрам"),
    E("cgb", "live", "прямой эфир «Азалы тарихқа – айрықша тағзым»", D(2021, 5, 31),
      dedication=REPRESSIONS, highlight=LOCAL,
      guests="с учителем истории школы п.Шашубай А.Махмутовой"),
    E("cgdb", "live", "прямой эфир «Зобалаң жылдың зардабы»", D(2021, 5, 31),
      dedication=REPRESSIONS, highlight=LOCAL,
      guests="с учителем истории областной специализированной школы-интерната «Зияткер» "
      "Ш.Спатаевой"),
    E("cgb", "live", "встреча в прямом эфире «Имандылық, парасаттылық - тәрбие негізі»",
      D(2021, 6, 7), initiatives=(PARASAT,), highlight=LOCAL,
      guests="со специалистом-теологом Центра изучения и анализа проблем межконфессиональных "
      "отношений города Балхаш Әбдіқадыр Давидұлы Сейтқали"),
]  # fmt: skip

# Книжный фестиваль «KITAP FEST» to World Book Day, 23 April (the live broadcasts are above).
_KITAP_FEST = [
    E("cgb", "festival", "книжный фестиваль «KITAP FEST»", D(2021, 4, 23),
      dedication="к Всемирному дню книги и авторского права", highlight=LOCAL, note="В онлайн-режиме, на страницах соцсетей ЦБС."),
    E("cgb", "presentation", "видео презентация книжного фестиваля «KITAP FEST»",
      D(2021, 4, 19), initiatives=(KITAP_FEST,)),
    E("cgb", "video", "видеоролик «Балқаш өңірінің әдеби - мәдени мұрасы»", D(2021, 4, 23),
      initiatives=(KITAP_FEST,)),
    E("cgb", "quiz", "интеллектуальная викторина «Ойлан, тап!»", D(2021, 4, 20),
      initiatives=(KITAP_FEST,)),
    E("cgb", "other", "книжная кухня «Қазақтың дарқан дастарханы»", D(2021, 4, 20),
      initiatives=(KITAP_FEST,)),
    E("cgb", "master-class", "мастер-класс «Книжка-малышка своими руками»", D(2021, 4, 21),
      initiatives=(KITAP_FEST,)),
    E("cgb", "reading", "саунд-чтение «Бір үзім нан» (чтение под музыку)", D(2021, 4, 21),
      initiatives=(KITAP_FEST,)),
    E("cgb", "virtual-trip", "медиапутешествие «В экологию через книгу»", D(2021, 4, 22),
      initiatives=(KITAP_FEST,)),
    E("cgb", "video", "видеоролик «Кітап – өмір ұстазы»", D(2021, 4, 23),
      initiatives=(KITAP_FEST,)),
    E("cgb", "contest",
      "онлайн-конкурс на написание эссе «Каждая прочитанная мною книга - это...»",
      D(2021, 4, 23),
      note="24 участника; итоги подведены в прямом эфире. Жюри: Н.Карим, К.Маулетова, "
      "Б.Мухаметжанова."),
]  # fmt: skip

# «Челленджи» (the ф№4 relay is also one of «Одна страна – одна книга»).
_CHALLENGES = [
    E("cgb", "challenge", "челлендж «Туған елге мың алғыс!»", D(2021, 3, 1),
      dedication="посвященный Дню благодарности",
      note="Принят от КГКП «Культурно-досуговый центр города Балхаш», передан КГКП "
      "«Балхашский городской историко-краеведческий музей».", note_in_report=True),
    E("cgb", "challenge", "челлендж «Өнер білім бар жұрттар»", D(2021, 4, 5),
      initiatives=(ONE_BOOK,)),
    E("cgdb", "challenge", "челлендж выставка-сюрприз «Прочитай то, не знаю что»",
      D(2021, 2, 5)),
    E("cgdb", "challenge", "Поэтический челлендж", D(2021, 2, 21),
      dedication="к Международному Дню родного языка"),
    E("f4", "challenge", "челлендж-эстафета «Кел, балалар оқылық!»", D(2021, 4, 12),
      dedication="к 180 летию Ы.Алтынсарина", initiatives=(ONE_BOOK,),
      series="«Кітапқұмар балалар»", series_kind="circle"),
]  # fmt: skip

# «На платформе Zoom».
_ZOOM = [
    E("cgb", "seminar", "семинар «Коллегам на пользу»", D(2021, 2, 18), platforms=ZOOM,
      initiatives=(PRO_STEPS,), series="«Ступени профессионализма»", series_kind="project",
      audience="для сотрудников Централизованной библиотечной системы г.Балхаш",
      audiences=("adults",)),
    E("cgb", "other",
      "защита проекта «Фактчекинг: важная информация для старшеклассников» в республиканском "
      "тренинге «Медиа и цифровая грамотность для сотрудников библиотек»", D(2021, 5, 20),
      platforms=ZOOM),
    E("cgb", "other", "информационный обзор «Знакомство с местными периодическими изданиями»",
      D(2021, 2, 10), platforms=ZOOM, audience="для старшеклассников", audiences=("youth",),
      note="С целью привлечения молодежи в библиотеку.", note_in_report=True),
    E("cgdb", "poetry", "час поэзии «Өрен жүйрік, өшпес бейне»", D(2021, 2, 26),
      dedication="к 175-летию Ж.Жабаева", platforms=ZOOM),
    E("cgdb", "master-class", "мастер-класс «Цветы для любимых мам»", D(2021, 3, 5),
      platforms=ZOOM),
    E("f1", "review",
      "обзор книжной выставки в рамках акции «Одна страна, одна книга» в жанре "
      "«Детская литература»", D(2021, 4, 7), platforms=ZOOM, initiatives=(ONE_BOOK,),
      audience="для учащихся школы-лицея №2 им. Абая"),
    E("f4", "review",
      "обзор книжной выставки в рамках акции «Одна страна, одна книга» в жанре поэзия",
      D(2021, 4, 14), platforms=ZOOM, initiatives=(ONE_BOOK,), audience="для учащихся ОСШ №8"),
    E("f4", "club", "открытие детского литературного кружка «Кітапқұмар балалар»",
      D(2021, 1, 20), platforms=ZOOM, audiences=CHILD),
    E("f5", "poetry", "вечер поэзии «Жамбыл - менің жай атым, халық - менің шын атым»",
      D(2021, 2, 27), platforms=ZOOM),
    E("f5", "quiz", "онлайн-игра «Сказочный герой – добрый или злой»", D(2021, 3, 18),
      platforms=ZOOM, audience="для детей с ограниченными возможностями",
      audiences=CHILD_DISABLED, series="«Күншуақ»", series_kind="club"),
    E("cgdb", "quiz", "краеведческая викторина «Тарихқа тұнған туған өлкем»", D(2021, 3, 16),
      dedication="к Дню города", platforms=ZOOM, highlight=LOCAL),
    E("cgdb", "virtual-trip", "виртуальное путешествие «Кітапхана – рухани байлық мекені»",
      D(2021, 5, 25), platforms=ZOOM, initiatives=(CHILDREN,),
      audience="с участием школы-лицеи №2 им. Абая, №15 им. А.Бокейханова (6-7 кл)",
      audiences=CHILD),
    E("f3", "presentation", "видео-презентация в рамках акции «Одна страна – одна книга»",
      D(2021, 4, 16), platforms=ZOOM,
      initiatives=(ONE_BOOK,)),
]  # fmt: skip

# «Онлайн-акции, конкурсы, и др.» (the essay contest is in _KITAP_FEST).
_ONLINE = [
    E("cgb", "action", "акция «Книга – бесценный дар»", D(2021, 2, 14),
      dedication="к Международному Дню книгодарения"),
    E("cgb", "other", "бенефис читателя «С книгой по жизни»", D(2021, 1, 28),
      guests="с лидером чтения 2020 года Л.Есембековой"),
    E("cgdb", "action", "буккроссинг «Прочитал-передай другому!»", D(2021, 2, 3)),
    E("cgdb", "action", "акция «Лови момент»", D(2021, 2, 14),
      dedication="к Международному Дню книгодарения"),
    E("cgb", "master-class", "мастер-класс «Необычная ваза для цветов»", D(2021, 1, 27),
      series="«33 идеи»", series_kind="circle"),
    E("cgb", "master-class", "мастер-класс «Поздравительные открытки»", D(2021, 3, 4),
      series="«33 идеи»", series_kind="circle"),
    E("cgb", "master-class", "мастер-класс «Разноцветные бабочки в технике квиллин»",
      D(2021, 4, 8), series="«33 идеи»", series_kind="circle"),
    E("cgb", "master-class", "мастер-класс «Күн бейнесі»", D(2021, 5, 13),
      series="«33 идеи»", series_kind="circle"),
    E("cgb", "action", "акция «Неделя забывчивого читателя»", D(2021, 4, 26)),
    # «…Акция памяти …, онлайн-марафон … (ЦГДБ им. А.Гайдара)»: both are ЦГДБ's.
    E("cgdb", "action",
      "акция памяти «Ұлы Жеңіс ұрпақ есінде» - «Великая Победа в памяти поколений»",
      D(2021, 5, 9), dedication=VICTORY, note="На страницах соцсетей ЦБС."),
    E("cgdb", "action",
      "онлайн-марафон «Жеңістің жаңғырығы – ерліктің мәңгілігі» - «Этих дней не смолкнет слава»",
      D(2021, 5, 8), dedication=VICTORY),
    E("cgb", "video-review", "видеообзор «Отты жылдар есімізде – Память пылающих лет»",
      D(2021, 5, 7), dedication=VICTORY),
    E("cgdb", "action", "акция летних чтений «Волшебный рюкзачок»", D(2021, 5, 15),
      initiatives=(CHILDREN,),
      note="В течение трех месяцев рюкзачок передается из семьи в семью.", note_in_report=True),
    E("cgdb", "reading", "рубрика «Дежурный по чтению Online»", D(2021, 1, 15),
      initiatives=(CHILDREN,),
      note="В разделе онлайн-акций — проект «Онлайн-дежурный читатель»: прочитаны сказки "
      "«Верблюд и лиса» на англиском языке, К.Чуйковского «Муха-цокотуха», сказки: "
      "«Еріншек елемес», «Тышқанның ақылы», стихи Ж.Жабаева, Ы.Алтынсарина «Кел, балалар, "
      "оқылық!», А.Пушкина «Зимняя дорога».", note_in_report=True),
    E("cgdb", "action", "акция «Жазғы оқу - 2021»", D(2021, 6, 2)),
    E("cgdb", "reading", "инклюзивный онлайн-проект «Сказки с сурдопереводом»", D(2021, 1, 21),
      note="Записаны сказки «Снегурочка», «Шалқан».", note_in_report=True),
    E("cgdb", "reading", "проект «Ертегі оқып берейін»", D(2021, 3, 3),
      note="Прочитана сказка «Парасатсыз ұл».", note_in_report=True),
    E("cgdb", "other", "инстаграм-маска «Алғыста шек болмайды»", D(2021, 3, 1),
      dedication=THANKS, platforms=("instagram",)),
    E("cgdb", "club", "«Ұршық иіру»", D(2021, 2, 17), series="«Алтын оймақ»",
      series_kind="circle"),
    E("cgdb", "club", "«Қызықты сәт» - «Веселая минутка»", D(2021, 4, 28),
      series="«Алтын оймақ»", series_kind="circle"),
    E("cgb", "tiktok", "тик-ток «Шытырман оқиғалар әдебиеті»", D(2021, 2, 2), platforms=TIKTOK),
    E("cgb", "tiktok", "тик-ток «Ғашықтық романдар»", D(2021, 2, 13), platforms=TIKTOK),
    E("cgb", "tiktok", "тик-ток «В мире фантастики»", D(2021, 3, 23), platforms=TIKTOK),
    E("cgdb", "tiktok", "тик-ток «Один день без интернета»", D(2021, 1, 31), platforms=TIKTOK),
    E("cgdb", "tiktok", "тик-ток «Зимние забавы»", D(2021, 1, 18), platforms=TIKTOK),
    E("f5", "tiktok", "тик-ток «Новые книги»", D(2021, 2, 9), platforms=TIKTOK),
    E("f5", "tiktok",
      "тик-ток «Библиотеки ждут вас, наши дорогие подписчики, приходите за знаниями, общением, "
      "любимыми книгами!»", D(2021, 3, 2), platforms=TIKTOK),
    E("f5", "tiktok", "тик-ток «Многообразие книжного царства наших библиотек, где есть ВСЕ!»",
      D(2021, 4, 6), platforms=TIKTOK),
    E("cgdb", "action", "акция «Верните книгу в библиотеку»", D(2021, 2, 25)),
    E("f1", "master-class", "мастер-класс «Өз қолымен жасалған сыйлық»", D(2021, 2, 20),
      series="«Он саусақ»", series_kind="circle"),
    E("f1", "master-class", "мастер-класс «Анаға сыйлық»", D(2021, 3, 5),
      series="«Он саусақ»", series_kind="circle"),
    E("f2", "master-class", "мастер класс «3Д открытки»", D(2021, 2, 19),
      series="«Золотые ручки»", series_kind="circle"),
    E("f2", "master-class", "мастер класс «Қазақтың ою өрнектерінің жасалу жолдары»",
      D(2021, 3, 19), series="«Золотые ручки»", series_kind="circle"),
    E("f5", "master-class", "мастер-класс «Цветы для мамы»", D(2021, 3, 4),
      audience="для детей с ограниченными возможностями", audiences=CHILD_DISABLED,
      series="«Күншуақ»", series_kind="club"),
    E("f5", "master-class", "мастер-класс «Шебер қолдың сиқыры»", D(2021, 4, 15),
      audience="для детей с ограниченными возможностями", audiences=CHILD_DISABLED,
      series="«Күншуақ»", series_kind="club"),
    E("f6", "master-class", "мастер-класс «3Д поздравительные открытки» для мам", D(2021, 3, 6),
      series="«Алтын сандық»", series_kind="circle"),
    E("cgdb", "action", "онлайн-акция «Оқылған кітаптар беттерінен»", D(2021, 4, 27)),
    E("cgdb", "action", "фотоакция под хештегом #природамоеймалойродины", D(2021, 6, 15),
      dedication="к Дню фотографии природы"),
    E("f1", "other", "субботник «Чистая душа –чистая планета»", D(2021, 4, 24), online=False,
      initiatives=(GOOD_DEEDS,), series="«Марафон Добрых дел»", series_kind="project"),
    E("f2", "video", "видеоролик «Сохраним памятники для потомков»", D(2021, 4, 20),
      initiatives=(GOOD_DEEDS,), series="«Марафон Добрых дел»", series_kind="project"),
    E("f3", "action", "круг добра Акция «Жүректен жүрекке»", D(2021, 4, 21),
      initiatives=(GOOD_DEEDS,), series="«Марафон Добрых дел»", series_kind="project"),
    E("f4", "video-review", "видеообзор «Махаббат пен мейірімділік – асыл қасиеттер»",
      D(2021, 4, 22), initiatives=(GOOD_DEEDS,), series="«Марафон Добрых дел»",
      series_kind="project"),
    E("f2", "contest", "конкурс рисунков «Наши пернатые друзья»", D(2021, 4, 1),
      dedication="к Международному Дню птиц"),
    E("f2", "contest", "конкурс рисунка на асфальте «Дети –цветы жизни»", D(2021, 6, 1),
      dedication="к Дню защиты детей", online=False, audiences=CHILD),
    E("f2", "quiz", "викторина «Угадай, что за книга?»", D(2021, 5, 19)),
]  # fmt: skip

# «Крупные события местного значения» not listed above.
_LOCAL = [
    E("cgb", "video", "видеопоздравление местных писателей «Ару Балқаш, әнім менің!»",
      D(2021, 3, 16), dedication="к дню города", highlight=LOCAL),
]  # fmt: skip

# «В рамках акции «Одна страна – одна книга»» not listed above.
_ONE_BOOK = [
    E("cgb", "other", "литературное пространство «Тәуелсіздігіміздің 30 жылдығына – 30 кітап»",
      D(2021, 3, 30), initiatives=(ONE_BOOK,), note="На страницах соцсетей ЦБС."),
    E("cgdb", "video", "буктрейлер «Алтын тостағанды іздеу» (по книге З.Наурзбаевой, Л.Калаус)",
      D(2021, 4, 9), initiatives=(ONE_BOOK,)),
    E("f2", "presentation", "сборник стихотворений Бахытжана Канапьянова «Достояние души»",
      D(2021, 4, 13), initiatives=(ONE_BOOK,)),
    E("f2", "presentation", "роман О.Памука «Менің атым Қырмызы» (перевод с турецкого)",
      D(2021, 4, 13), initiatives=(ONE_BOOK,)),
    E("f3", "video-review",
      "видеообзор Д.Рамазана «Пешене», С.Ақсұңқарулы «Көкейімде Күлтегіннің жазуы»",
      D(2021, 4, 9), initiatives=(ONE_BOOK,)),
    E("f5", "quiz", "викторина по книге Бедибека Сокпакбаева «Жекпе жек»", D(2021, 4, 28),
      initiatives=(ONE_BOOK,)),
    E("f7", "exhibition", "выставка-презентация в жанре «Балалар әдебиеті», «Аударма»",
      D(2021, 4, 6), online=False, initiatives=(ONE_BOOK,)),
]  # fmt: skip

# «Года поддержки детского и юношеского чтения» not listed above.
_CHILDREN = [
    E("cgb", "contest",
      "республиканский on-line конкурс «Лучший сказочник» проекта «В мире сказок»",
      D(2021, 4, 30), initiatives=(CHILDREN,),
      note="Благодарственными письмами руководителя Национальной академической библиотеки "
      "РК награждены Бахыт Камбарова (ЦГДБ им.А.Гайдара), Аружан Болат, Аяулым Болат, Дарья "
      "Третьякова (Ф№1), Жанболат Қозыбаева, Меруерт Утенова, Арайлым Мұздыбаева (Ф№4).",
      note_in_report=True),
    E("cgdb", "contest", "онлайн-конкурс творческих работ «Супер әке. Супер папа»",
      D(2021, 6, 20), initiatives=(CHILDREN,),
      note="Организован Карагандинской областной детской библиотекой имени Абая; в номинации "
      "«Вместе с папой» (12-15 лет) победил читатель ЦГДБ Мухаметжан Райымбек.",
      note_in_report=True),
    E("cgb", "other", "«Летнее путешествие» по всей библиотеке", D(2021, 6, 10), online=False,
      initiatives=(CHILDREN,), audience="для ребят из пришкольного лагеря средней школы №9",
      audiences=CHILD),
    E("cgdb", "other", "«Open-air» «Большой день игры»", D(2021, 6, 4), online=False,
      initiatives=(CHILDREN,),
      note="Читальный зал под открытым небом по пятницам, программа «Лето с книгой веселей»."),
    E("f1", "other", "театрализованная постановка", D(2021, 5, 20), online=False,
      dedication="к 70 летию повести Н.Носова «Витя Малеев в школе и дома»",
      initiatives=(CHILDREN,)),
    E("f3", "other", "рубрика «Балаларға базарлық»", D(2021, 2, 8), platforms=("facebook",),
      initiatives=(CHILDREN,)),
    E("f3", "reading", "путешествие в мир сказок «Читаю с мамой»", D(2021, 3, 12),
      initiatives=(CHILDREN,),
      series="«Отбасымен бірге кітап оқимыз»", series_kind="club",
      note="Семейный читатель Бейсенбекова Перизат прочитала сказку «Бауырсак».",
      note_in_report=True),
    E("f4", "other", "сценическое кукольное представление «Әке мен бала» (по рассказу "
      "Ы.Алтынсарина)", D(2021, 5, 5), online=False, initiatives=(CHILDREN,),
      series="«Кітапқұмар балалар»",
      series_kind="circle"),
    E("f4", "other", "сказка «Құт қойдың құлағында»", D(2021, 5, 12), online=False,
      initiatives=(CHILDREN,), series="«Кітапқұмар балалар»",
      series_kind="circle"),
]  # fmt: skip


def _lit(library, form, title, date, dedication=""):
    return E(library, form, title, date, dedication=dedication, highlight=LITERARY)


# «Значимые литературные события», per library as the seed groups them. Where an
# anniversary's day falls in H1 2021 the row carries it; otherwise a plausible day.
_LITERARY = [
    # На общих страницах ЦБС (ЦГБ's rows)
    _lit("cgb", "video", "видеоролик «Биікте самғаған ғарышкер»", D(2021, 1, 7),
         "к 70-летию Т.Мусабаева"),
    _lit("cgb", "video", "видеопортрет «Жыр алыбы Жамбыл»", D(2021, 2, 28)),
    _lit("cgb", "video", "видеопортрет «Приключение длиною в жизнь»", D(2021, 1, 12),
         "к 145-летию Д.Лондона"),
    _lit("cgb", "other", "галерея-посвящение «Очарованный странник»", D(2021, 2, 16),
         "к 190-летию писателя Н.Лескова"),
    _lit("cgb", "presentation", "видеопрезентация «Алаш ұлтының парасаты»", D(2021, 3, 5),
         "к 155-летию А.Бокейханова"),
    _lit("cgb", "presentation", "видеопрезентация «Наурыз көктем»", D(2021, 3, 22)),
    _lit("cgb", "video", "видеопортрет «Қазақ қара сөзінің дарабозы»", D(2021, 4, 15),
         "к 85-летию К.Жумадилова"),
    _lit("cgb", "other", "литературное рандеву «Жүрегі қазақ үшін соғады»", D(2021, 5, 18),
         "к 85-летию О.Сулейменова"),
    _lit("cgb", "review", "литературный обзор «Мастер и его герои»", D(2021, 5, 14),
         "к 130-летию М.Булгакова"),
    _lit("cgb", "other", "галерея-посвящение «Живи и радуйся – чего же проще»", D(2021, 6, 14),
         "к 100-летию Р.Тамариной"),
    _lit("cgb", "video-review", "видеообзор профессиональных периодических изданий",
         D(2021, 6, 21)),
    # ЦГДБ им. А.Гайдара
    _lit("cgdb", "quiz", "викторина «Маша и Медведь»", D(2021, 1, 25)),
    _lit("cgdb", "quiz", "викторина «Путешествие по зимним сказкам»", D(2021, 2, 1)),
    _lit("cgdb", "video-review", "видеообзор «Путешествие в страну «Журналия»»", D(2021, 2, 11)),
    _lit("cgdb", "video-review", "видеообзор «Балалық шақ туралы кітаптар»", D(2021, 3, 10)),
    _lit("cgdb", "video-review", "видеообзор «Disney Алтын классикасы»", D(2021, 4, 14)),
    _lit("cgdb", "other", "интеллектуальный забег «Бегущая книга»", D(2021, 3, 24)),
    _lit("cgdb", "other", "таинственное свидание с книгой", D(2021, 2, 13)),
    _lit("cgdb", "quiz", "литературная игра «Угадайте книгу по обложке»", D(2021, 4, 7)),
    _lit("cgdb", "exhibition", "онлайн-выставка рисунков «Рисуем любимого героя»",
         D(2021, 1, 18), "к 95-летию книги А.Милна «Винни Пух»"),
    _lit("cgdb", "video", "видеоролик «Жауырыны жерге тимеген»", D(2021, 5, 10),
         "к 150-летию К.Мунайтпасова"),
    # Библиотека-филиал №1
    _lit("f1", "virtual-trip", "библиокруиз «Путешествие по сказкам Шарля Перро»",
         D(2021, 1, 12)),
    _lit("f1", "quiz", "аукцион знаний «Алаштың соңғы тұяғы»", D(2021, 3, 29),
         "к 105-летию К.Мухамедханова"),
    _lit("f1", "presentation", "слайд-презентация «Мұқағали – поэзия патшалығы»", D(2021, 2, 9),
         "к 90-летию М.Макатаева"),
    _lit("f1", "presentation", "презентация «Жаңа кітаптармен таныстыру»", D(2021, 1, 26)),
    _lit("f1", "quiz", "литературное лото «Жүз жыл жырлаған жүрек»", D(2021, 2, 25),
         "к 175-летию Ж.Жабаева"),
    _lit("f1", "other", "час истории «Ұлттың ұлы тұлғасы»", D(2021, 3, 5),
         "к 155-летию Алихана Бокейханова"),
    _lit("f1", "video-review", "видеообзор «Ән өнерін паш еткен»", D(2021, 3, 12),
         "к 120 - летию М.Ержанова"),
    _lit("f1", "virtual-trip", "этнографическое видеопутешествие «Наурыз - қазақ халқының салт "
         "дәстүрі»", D(2021, 3, 20)),
    _lit("f1", "video", "видеокараван «Жазушы өмірі»", D(2021, 4, 15), "к 85-летию К.Жумадилова"),
    _lit("f1", "other", "караван историй «Ұлт мақтанышы»", D(2021, 5, 18),
         "к 85-летию О.Сулейменова"),
    _lit("f1", "other", "литературная площадка «Дүлдүлдің дүбірі»", D(2021, 6, 8),
         "к 110-летию К.Аманжолова"),
    _lit("f1", "video-review", "медиа-обзор «Сезім патшалығының ханшайымы»", D(2021, 6, 17),
         "к 85-летию Ш.Кумаровой"),
    # Библиотека-филиал №2
    _lit("f2", "virtual-trip", "виртуальное путешествие «Заповедный мир природы»", D(2021, 1, 14)),
    _lit("f2", "reading", "громкие чтения по рассказу В.Драгунского «Он живой и светится»",
         D(2021, 1, 22)),
    _lit("f2", "reading", "громкие чтения «Менің сүйікті ертегілерім»", D(2021, 2, 4)),
    _lit("f2", "video", "видеоролик «Дәрілік өсімдіктер»", D(2021, 2, 16)),
    _lit("f2", "video", "видеоролик «Табиғат әлемі»", D(2021, 3, 3)),
    _lit("f2", "video", "видеоролик «Весенний праздник Наурыз»", D(2021, 3, 21)),
    _lit("f2", "quiz", "викторина «Самые-самые» (мир животных и растений)", D(2021, 1, 29)),
    _lit("f2", "quiz", "викторина «Музыкальная шкатулка»", D(2021, 4, 16)),
    _lit("f2", "video", "видеопоздравление «Алғыс айту – парызым»", D(2021, 3, 1)),
    _lit("f2", "exhibition", "виртуальная книжная выставка «Жыр алыбы Жамбыл»", D(2021, 2, 26)),
    _lit("f2", "other", "литературная площадка «Дала жұлдызы»", D(2021, 5, 6),
         "к 180-летию Ы.Алтынсарина"),
    _lit("f2", "other", "баннер «Олжас Сүлейменов 85 жаста»", D(2021, 5, 18)),
    _lit("f2", "exhibition", "книги-юбиляры", D(2021, 6, 9)),
    # Библиотека-филиал №3
    _lit("f3", "quiz", "виртуальная викторина «Үзінді қай шығармадан алынған?»", D(2021, 1, 19)),
    _lit("f3", "quiz", "виртуальная викторина «Сен білесің бе?»", D(2021, 2, 2)),
    _lit("f3", "festival",
         "букфест «Арыстан, мен, виолончель және қасапхана» (по книге Марата Кабанбай)",
         D(2021, 2, 23)),
    _lit("f3", "video-review", "видеообзор «Галерея книжных новинок»", D(2021, 1, 28)),
    _lit("f3", "video-review", "видеообзор «Манарбек шыққан биік шың»", D(2021, 3, 11),
         "к 120-летию М.Ержанова"),
    _lit("f3", "other", "литературный фикшн «Оқуға кеңес беремін»", D(2021, 3, 17)),
    _lit("f3", "video", "видеоролик «Даланың дана арулары»", D(2021, 3, 6)),
    _lit("f3", "video", "видеоролик «Ұлттарды біріктірген ұлы той»", D(2021, 3, 19)),
    _lit("f3", "video-review", "видеообзор", D(2021, 4, 20), "к 70 летию акына Е.Жүрсін"),
    _lit("f3", "video-review", "видеообзор «Ұлы даланың дара тұлғасы»", D(2021, 5, 18),
         "к 85 летию О.Сулейменова"),
    _lit("f3", "reading", "читаем стихи «Сарыарқа»", D(2021, 6, 3), "к 110-летию К.Аманжолова"),
    _lit("f3", "exhibition", "мерейгер кітаптар", D(2021, 6, 10)),
    _lit("f3", "other", "литературный портрет «Ұлт руханиятының қорғаны»", D(2021, 4, 15),
         "к 85-летию К.Жумадилова"),
    # Библиотека-филиал №4
    _lit("f4", "other", "виртуальная информация «Ұлтын сүйген жазушы»", D(2021, 1, 13)),
    _lit("f4", "other", "виртуальная информация «Адамдық пен адалдық өміріне өзек болған "
         "жазушы»", D(2021, 2, 3), "к 75-летию Ж.Дауренбекова"),
    _lit("f4", "other", "виртуальная информация «Күйші, домбырашы – Шәміл Әбілтай»",
         D(2021, 2, 17)),
    _lit("f4", "other", "виртуальная информация «Халқын сүйген жүрек» (писатель Б.Тлегенов)",
         D(2021, 3, 3)),
    _lit("f4", "other", "виртуальная информация «Алты алашқа әділ билігімен даңқы кеткен "
         "Саққұлақ би»", D(2021, 3, 17)),
    _lit("f4", "video", "видеоролик «Кітап – алтын қазынам»", D(2021, 1, 27)),
    _lit("f4", "video", "видеоролик «Қыздың сәні – шашбау»", D(2021, 3, 5)),
    _lit("f4", "video", "видеоролик «Өнер – білім бар жұрттар...»", D(2021, 4, 8)),
    _lit("f4", "quiz", "викторина «Қазақтың ақиық ақыны – М.Мақатаев»", D(2021, 2, 9),
         "к 90- летию М.Макатаева"),
    _lit("f4", "other", "виртуальная информация «Сырдың сыршыл перзенті» (о писателе "
         "С.Балгабаеве)", D(2021, 4, 21)),
    _lit("f4", "other", "виртуальная информация «Кемел тұлға» (по творчеству Г.Кабышулы)",
         D(2021, 5, 19)),
    _lit("f4", "other", "виртуальная информация «Сұлу сөздің сардары» (книги С.Муканова)",
         D(2021, 6, 16)),
    # Детская библиотека-филиал №5
    _lit("f5", "video-review", "видеообзор «Балалардың сүйікті жазушысы»", D(2021, 1, 15),
         "к 95-летию А.Табылды"),
    _lit("f5", "exhibition", "литературная витрина «Қарымды қаламгер»", D(2021, 2, 3),
         "к 75-летию Ж. Дауренбекова"),
    _lit("f5", "video", "видео-час «Герои книги на экране»", D(2021, 1, 18),
         "к 95 – летию книги А.А.Милна «Винни Пух»"),
    _lit("f5", "video", "видеоальбом «Ақиық ақын»", D(2021, 2, 9), "к 90- летию М.Макатаева"),
    _lit("f5", "quiz", "викторина «Путешествие в Лилипутию»", D(2021, 3, 10),
         "к 295-летию произведения Джонатана Свифта «Путешествие Гулливера»"),
    _lit("f5", "video-review", "видеообзор «Бала қиялының бағбаны»", D(2021, 3, 16),
         "к 95-летию К.Толыбаева"),
    _lit("f5", "video", "музыкальное видеопоздравление «Наурыз мейрамы – мейірімділік мейрамы»",
         D(2021, 3, 21)),
    _lit("f5", "exhibition", "книги-юбиляры", D(2021, 4, 2)),
    _lit("f5", "quiz", "викторина «Том Сойер»", D(2021, 4, 14),
         "к 145-летию повести Марка Твена «Приключения Тома Сойера»"),
    _lit("f5", "quiz", "викторина «Золотой ключик»", D(2021, 5, 12),
         "к 85-летию повести-сказки А.Толстого «Золотой ключик или Приключения Буратино»"),
    _lit("f5", "quiz", "викторина «Балалар әдебиетінің қаламгері»", D(2021, 6, 2),
         "к 85-летию М.Етекбаева"),
    # Библиотека-филиал №6, пос. Саяк
    _lit("f6", "video-review", "видеообзор «Новые книги»", D(2021, 1, 20)),
    _lit("f6", "video", "видеоматериал «Жыр алыбы»", D(2021, 2, 28), "к 175- летию Ж.Жабаева"),
    _lit("f6", "video", "видеоматериал «Жазылар естеліктер мен туралы»", D(2021, 2, 9),
         "к 90 летию М.Макатаева"),
    _lit("f6", "video", "видеопоздравления", D(2021, 3, 8), "к 8 марта"),
    _lit("f6", "video", "Наурыз Бата", D(2021, 3, 22)),
    _lit("f6", "video-review", "видеообзор по повести Б.Сокпакбаева «Менің атым Қожа»",
         D(2021, 4, 21)),
    _lit("f6", "reading", "читаем стихи М.Макатаева", D(2021, 2, 10), "к 90 летию М.Макатаева"),
    _lit("f6", "video", "«Алаш арысы»", D(2021, 3, 5), "к 155 летию А.Бокейханова"),
]  # fmt: skip

# Rows an earlier demo loaded under another library, removed on the next load:
# (library code, title). «Акция памяти» was ЦГБ's; the seed names ЦГДБ.
MOVED = [("cgb", "акция памяти «Ұлы Жеңіс ұрпақ есінде» - «Великая Победа в памяти поколений»")]

EVENTS = _PARASAT + _LIVE + _KITAP_FEST + _CHALLENGES + _ZOOM + _ONLINE + _LOCAL + _ONE_BOOK
EVENTS += _CHILDREN + _LITERARY
