"""Section V: the digitization plan and the digitized documents of H1 2021.

The 207 newspaper articles are known only as «207 документов, 158 страниц»: one
batch row (documents=207). The six books are listed one by one. ЦГБ digitizes
for the ЦБС; the seed gives no dates, so the rows carry plausible days in H1 2021.
"""

import datetime

LIBRARY = "cgb"

# (document kind code, plan)
PLAN = [("articles", 194), ("books", 6)]

ARTICLES_BATCH = {
    "kind": "articles",
    "title": "Статьи из газет «Балқаш өңірі», «Северное Прибалхашье», «Пульс», «Балхашский рабочий»",
    "source": "«Балқаш өңірі», «Северное Прибалхашье», «Пульс», «Балхашский рабочий»",
    "documents": 207,
    "pages": 158,
    "date": datetime.date(2021, 6, 30),
}

# «Список оцифрованных книг», in the seed's order.
BOOKS = [
    # 1. Скляров, Н. Рассказы в стихах / Н.Скляров. - Алматы, 2000. – 340 с.
    ("Рассказы в стихах", "Алматы", "", 2000, 340, datetime.date(2021, 2, 10)),
    # 2. Скляров, Н. Моя лирика / Н.Скляров. - Алматы, 2000. – 401 с.
    ("Моя лирика", "Алматы", "", 2000, 401, datetime.date(2021, 3, 10)),
    # 3. Скляров, Н. Любовь хулиганка / Н.Скляров. - Алматы, 2001. – 383 с.
    ("Любовь хулиганка", "Алматы", "", 2001, 383, datetime.date(2021, 4, 9)),
    # 4. Скляров, Н. Повседневность / Н.Скляров. – Алматы, 2004. – 330 с.
    ("Повседневность", "Алматы", "", 2004, 330, datetime.date(2021, 5, 7)),
    # 5. Скляров, Н. Осень жизни / Н.Скляров. – Алматы: Издательство LEM, 2008. – 216 с.
    ("Осень жизни", "Алматы", "Издательство LEM", 2008, 216, datetime.date(2021, 6, 4)),
    # 6. Скляров, Н. Добрая надежда / Н.Скляров. – Алматы: Издательство LEM, 2000. – 340 с
    ("Добрая надежда", "Алматы", "Издательство LEM", 2000, 340, datetime.date(2021, 6, 25)),
]
BOOK_AUTHOR = "Скляров, Н."
BOOK_AUTHOR_SHORT = "Н.Скляров"
BOOK_LANGUAGE = "ru"  # the books are Russian: «340 с.» in either report
