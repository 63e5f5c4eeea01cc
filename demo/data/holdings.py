"""Section III: budget, fund at the start of the half-year, receipts and write-offs.

The seed gives these only for the whole ЦБС. ЦГБ (code "cgb") does the central
acquisition and keeps the fund ledger of the ЦБС, so the figures are its rows;
they are never split between libraries by invention.
"""

import datetime
from decimal import Decimal

LIBRARY = "cgb"

# (source code, thousand tenge): «из местного бюджета на комплектование выделено 2770,4 тыс. тенге»
BUDGETS = [("local-budget", Decimal("2770.4"))]

# The opening balance «Состояло на начало 1-го полугодия 2021»: 283120, of which 87831 in Kazakh.
OPENING = {"date": datetime.date(2021, 1, 1), "copies": 283120, "copies_kk": 87831}

# The seed gives no dates: one row per source, on plausible days inside H1 2021.
RECEIPTS = [
    # «Получено 1405 экз. книг, в т.ч. на каз.яз. – 627 экз.» (bought from the local budget)
    {"source": "local-budget", "date": datetime.date(2021, 3, 15), "copies": 1405, "copies_kk": 627,
     "note": "Покупка из местного бюджета за 1 полугодие 2021 (итог отчёта)"},
    # «В рамках госзаказа получено 630 экз, в.т.ч. на каз.яз -566»
    {"source": "state-order", "date": datetime.date(2021, 5, 20), "copies": 630, "copies_kk": 566,
     "note": "Госзаказ за 1 полугодие 2021 (итог отчёта)"},
]  # fmt: skip

# «По причине физического износа в первом полугодие списано 11837 изданий, в.ч. на каз.яз. – 956»
WRITE_OFFS = [
    {"reason": "wear", "date": datetime.date(2021, 6, 25), "copies": 11837, "copies_kk": 956,
     "note": "Списание по физическому износу за 1 полугодие 2021 (итог отчёта)"},
]  # fmt: skip
