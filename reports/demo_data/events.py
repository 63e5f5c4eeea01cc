"""Information support of significant events: the named events, the pages, the online totals.

Every named event of the seed's section «Информационно-библиотечная поддержка
значимых мероприятий» is one row, loaded ONCE even when the seed lists it in
several subsections: its initiatives, highlight and form put it in each of them.
Titles are the seed's words, form words included (`час поэзии «...»`); the
dedication («к 175-летию Ж.Жабаева») is kept apart because the report appends it.
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


SOCIAL_PAGES: list[tuple[str | None, str, str]] = []
EVENTS: list[E] = []
