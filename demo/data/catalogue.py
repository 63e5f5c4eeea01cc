"""Section VI: the electronic catalogue's databases before and at 01.07.2021, references.

The seed knows the catalogue only as the ЦБС's totals per database, kept by ЦГБ.
"Было" is taken as the count at 01.01.2021, "Состоит на 01.07.2021" at 01.07.2021.
"""

import datetime

LIBRARY = "cgb"
BEFORE = datetime.date(2021, 1, 1)
NOW = datetime.date(2021, 7, 1)

# (database code, «Было», «Состоит на 01.07.2021»), in the seed's order.
RECORD_COUNTS = [
    ("book", 18296, 18620),  # ЭК «Книга»
    ("articles", 17014, 17534),  # ЭК «Статьи»
    ("local-history", 14550, 14655),  # ЭК «Краеведение»
    ("periodicals", 264, 264),  # ЭК «Периодика»
    ("ecology", 1781, 1831),  # ЭК «Экология»
    ("sd", 73, 73),  # ЭК «СД»
    ("professional", 3732, 3759),  # ЭК «Профессионал»
    ("rare", 143, 143),  # ЭК «Редкий фонд»
    ("e-book", 243, 243),  # ЭК «Е-Книга»
    ("e-article", 425, 430),  # ЭК «Е-Статья»
]

# «За 1-ое полугодие выполнено виртуальных библиографических справок - 48»
VIRTUAL_REFERENCES = 48
