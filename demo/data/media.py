"""Advertising and image: media mentions of H1 2021.

The seed counts «публикаций о библиотеке в СМИ – 18, из них публикаций самих
библиотекарей – 3 статьи, видеосюжетов на телевидении - 2» but itemizes only:
- the two TV stories, as links (loaded as MediaMention rows of kind "tv");
- items 13 and 14 of the list of publications (the rest of the list is cut off
  in the seed), loaded as print MediaMention rows. Neither is by a librarian
  (К.Сәденов is a local poet and journalist, А.Жамалов a journalist).
The rest is one MediaMentionTotal of ЦГБ for the period: 18 − 4 = 14
mentions, of which 3 by librarians and 0 TV stories (both TV stories are rows).
Rows + total give the seed's 18 / 3 / 2.
"""

import datetime

LIBRARY = "cgb"

TOTAL_MENTIONS = 18
TOTAL_BY_LIBRARIANS = 3
TOTAL_TV = 2

# «Видео - сюжеты»: the seed gives only the links. The dates are those encoded in
# the Instagram post ids (CKYj1qhneMG: 23.01.2021, CLMdnIsIfTT: 12.02.2021).
TV_STORIES = [
    ("https://www.instagram.com/p/CKYj1qhneMG/?igshid=c5qx6l5nxzv2", datetime.date(2021, 1, 23)),
    ("https://www.instagram.com/p/CLMdnIsIfTT/?igshid=11vesdecnf921", datetime.date(2021, 2, 12)),
]
TV_TITLE = "Видеосюжет на телевидении"

# (author, author_short, title, outlet, issue number, page, the article's language, seed line).
# The seed, a Russian report, gives the Kazakh article's date and page in Russian
# («30 апреля», «С. 7»); its description says them in Kazakh, the article's language.
PRINT = [
    (
        "Сәденов, Қ.",
        "Қ.Сәденов",
        "«Мен оқыған бір кітап...»: «KITAP FEST» кітап фестивалі аясында С.Сейфуллин атындағы "
        "ОКЖ әлеуметтік желі пайдаланушылары мен оқырмандар арасында онлайн-эссе жазу "
        "байқауын өткізді",
        "Пульс",
        "18",
        "7",
        "kk",
        "Сәденов, Қ. «Мен оқыған бір кітап...»: «KITAP FEST» кітап фестивалі аясында С.Сейфуллин "
        "атындағы ОКЖ әлеуметтік желі пайдаланушылары мен оқырмандар арасында онлайн-эссе жазу "
        "байқауын өткізді / Қ.Сәденов // Пульс. – 2021. – 30 апреля (№18). – С. 7",
    ),
    (
        "Жамалов, А.",
        "А.Жамалов",
        "С любовью к книге: к Всемирному дню книги и авторского права в рамках фестиваля "
        "«KITAP FEST» среди читателей городской библиотеки имени С.Сейфуллина прошел "
        "онлайн-конкурс «Каждая прочитанная мною книга – это...»",
        "Северное Прибалхашье",
        "34-35",
        "10",
        "ru",
        "Жамалов, А. С любовью к книге: к Всемирному дню книги и авторского права в рамках "
        "фестиваля «KITAP FEST» среди читателей городской библиотеки имени С.Сейфуллина прошел "
        "онлайн-конкурс «Каждая прочитанная мною книга – это...» / А.Жамалов // Северное "
        "Прибалхашье. – 2021. – 30 апреля (№34-35). – С. 10",
    ),
]
PRINT_DATE = datetime.date(2021, 4, 30)
