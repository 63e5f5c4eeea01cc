"""The forms of each model's name that the admin's sentences need.

Django builds the admin's titles, buttons and counts from a model's two names
(«Добавить %s», «29 %s»), which reads «Добавить строка дневника работы» and
«29 дневник работы» in Russian and loses the case endings in Kazakh. Each model
the admin registers has here the forms a sentence takes: the object of a verb
(«Добавить строку дневника работы», «Жұмыс күнделігінің жолын қосу»), the
object in the plural («Удалить выбранные строки…») and the counted forms
(«1 строка / 2 строки / 5 строк», translated as a whole like
`reportkit.text.count_noun`'s; Kazakh keeps the nominative after a number).
Kazakh forms are the catalogue's translations of the Russian ones, told apart
from the models' own names by their context.
"""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy

from reportkit.text import count_noun

OBJECT = "объект действия"  # accusative: «Добавить строку дневника работы»
OBJECTS = "объект действия, мн. ч."  # «Удалить выбранные строки дневника работы»
COUNTED = "после числа"  # «строка|строки|строк»: 1, 2, 5


@dataclass(frozen=True)
class Noun:
    one: object  # the object of a verb, singular
    many: object  # the object of a verb, plural
    counted: object  # "one|few|many", translated as a whole

    def count(self, number: int) -> str:
        """«29 строк дневника работы» / «29 жұмыс күнделігінің жолы»."""
        return count_noun(number, str(self.counted))


def _noun(one: str, many: str, counted: str) -> Noun:
    return Noun(
        pgettext_lazy(OBJECT, one), pgettext_lazy(OBJECTS, many), pgettext_lazy(COUNTED, counted)
    )


# By "app_label.model_name"; every model the admin registers (a test walks the site).
NOUNS = {
    "auth.group": _noun(
        "группу",
        "группы",
        "группа|группы|групп",
    ),
    "auth.user": _noun(
        "пользователя",
        "пользователей",
        "пользователь|пользователя|пользователей",
    ),
    "holdings.fundingsource": _noun(
        "источник поступления",
        "источники поступления",
        "источник поступления|источника поступления|источников поступления",
    ),
    "holdings.writeoffreason": _noun(
        "причину списания",
        "причины списания",
        "причина списания|причины списания|причин списания",
    ),
    "holdings.acquisitionbudget": _noun(
        "бюджет комплектования",
        "бюджеты комплектования",
        "бюджет комплектования|бюджета комплектования|бюджетов комплектования",
    ),
    "holdings.receipt": _noun(
        "поступление",
        "поступления",
        "поступление|поступления|поступлений",
    ),
    "holdings.writeoff": _noun(
        "списание",
        "списания",
        "списание|списания|списаний",
    ),
    "holdings.fundsnapshot": _noun(
        "состояние фонда",
        "состояния фонда",
        "состояние фонда|состояния фонда|состояний фонда",
    ),
    "catalogue.cataloguedatabase": _noun(
        "базу электронного каталога",
        "базы электронного каталога",
        "база электронного каталога|базы электронного каталога|баз электронного каталога",
    ),
    "catalogue.recordcount": _noun(
        "объём базы каталога",
        "объёмы баз каталога",
        "объём базы каталога|объёма базы каталога|объёмов баз каталога",
    ),
    "services.referencework": _noun(
        "запись о справочной работе",
        "записи о справочной работе",
        "запись о справочной работе|записи о справочной работе|записей о справочной работе",
    ),
    "services.clubwork": _noun(
        "клуб по интересам",
        "клубы по интересам",
        "клуб по интересам|клуба по интересам|клубов по интересам",
    ),
    "services.recognition": _noun(
        "запись «партнёры, проекты, награды»",
        "записи «партнёры, проекты, награды»",
        "запись «партнёры, проекты, награды»|записи «партнёры, проекты, награды»|записей «партнёры, проекты, награды»",
    ),
    "catalogue.virtualreferences": _noun(
        "запись «виртуальные библиографические справки»",
        "записи «виртуальные библиографические справки»",
        "запись «виртуальные библиографические справки»|записи «виртуальные библиографические справки»|записей «виртуальные библиографические справки»",
    ),
    "digitization.documentkind": _noun(
        "вид документа",
        "виды документов",
        "вид документа|вида документа|видов документов",
    ),
    "digitization.digitizationplan": _noun(
        "план оцифровки",
        "планы оцифровки",
        "план оцифровки|плана оцифровки|планов оцифровки",
    ),
    "digitization.digitizeddocument": _noun(
        "оцифрованный документ",
        "оцифрованные документы",
        "оцифрованный документ|оцифрованных документа|оцифрованных документов",
    ),
    "publications.publicationkind": _noun(
        "вид издания",
        "виды изданий",
        "вид издания|вида издания|видов изданий",
    ),
    "publications.publication": _noun(
        "издание библиотеки",
        "издания библиотек",
        "издание библиотеки|издания библиотек|изданий библиотек",
    ),
    "publications.mediamention": _noun(
        "публикацию в СМИ",
        "публикации в СМИ",
        "публикация в СМИ|публикации в СМИ|публикаций в СМИ",
    ),
    "publications.mediamentiontotal": _noun(
        "итог публикаций в СМИ",
        "итоги публикаций в СМИ",
        "итог публикаций в СМИ|итога публикаций в СМИ|итогов публикаций в СМИ",
    ),
    "events.eventform": _noun(
        "форму мероприятия",
        "формы мероприятий",
        "форма мероприятия|формы мероприятия|форм мероприятий",
    ),
    "events.initiative": _noun(
        "инициативу, программу",
        "инициативы, программы",
        "инициатива, программа|инициативы, программы|инициатив, программ",
    ),
    "events.audience": _noun(
        "категорию аудитории",
        "категории аудитории",
        "категория аудитории|категории аудитории|категорий аудитории",
    ),
    "events.glossaryentry": _noun(
        "фразу глоссария",
        "фразы глоссария",
        "фраза глоссария|фразы глоссария|фраз глоссария",
    ),
    "events.event": _noun(
        "мероприятие",
        "мероприятия",
        "мероприятие|мероприятия|мероприятий",
    ),
    "events.onlinefigures": _noun(
        "запись «показатели онлайн-работы»",
        "записи «показатели онлайн-работы»",
        "запись «показатели онлайн-работы»|записи «показатели онлайн-работы»|записей «показатели онлайн-работы»",
    ),
    "indicators.worklogentry": _noun(
        "строку дневника работы",
        "строки дневника работы",
        "строка дневника работы|строки дневника работы|строк дневника работы",
    ),
    "indicators.indicatorplan": _noun(
        "план основных показателей",
        "планы основных показателей",
        "план основных показателей|плана основных показателей|планов основных показателей",
    ),
    "indicators.librarystate": _noun(
        "запись «состояние сети: библиотека»",
        "записи «состояние сети: библиотека»",
        "запись «состояние сети: библиотека»|записи «состояние сети: библиотека»|записей «состояние сети: библиотека»",
    ),
    "indicators.staffstate": _noun(
        "запись «состояние сети: кадры»",
        "записи «состояние сети: кадры»",
        "запись «состояние сети: кадры»|записи «состояние сети: кадры»|записей «состояние сети: кадры»",
    ),
    "reports.report": _noun(
        "отчёт",
        "отчёты",
        "отчёт|отчёта|отчётов",
    ),
    "branches.platform": _noun(
        "платформу",
        "платформы",
        "платформа|платформы|платформ",
    ),
    "branches.library": _noun(
        "библиотеку",
        "библиотеки",
        "библиотека|библиотеки|библиотек",
    ),
    "branches.organization": _noun(
        "организацию (ЦБС)",
        "организации (ЦБС)",
        "организация (ЦБС)|организации (ЦБС)|организаций (ЦБС)",
    ),
    "branches.region": _noun(
        "регион",
        "регионы",
        "регион|региона|регионов",
    ),
    "branches.republic": _noun(
        "республику",
        "республики",
        "республика|республики|республик",
    ),
    "branches.reportingperiod": _noun(
        "отчётный период",
        "отчётные периоды",
        "отчётный период|отчётных периода|отчётных периодов",
    ),
    "branches.socialpage": _noun(
        "страницу в соцсети",
        "страницы в соцсетях",
        "страница в соцсети|страницы в соцсетях|страниц в соцсетях",
    ),
    "branches.staffprofile": _noun(
        "профиль сотрудника",
        "профили сотрудников",
        "профиль сотрудника|профиля сотрудника|профилей сотрудников",
    ),
    "handin.checkthreshold": _noun(
        "порог проверки",
        "пороги проверок",
        "порог проверки|порога проверки|порогов проверок",
    ),
    "django_tasks_database.dbtaskresult": _noun(
        "результат задачи",
        "результаты задач",
        "результат задачи|результата задачи|результатов задач",
    ),
    "axes.accessattempt": _noun(
        "запись о попытке доступа",
        "записи о попытках доступа",
        "запись о попытке доступа|записи о попытках доступа|записей о попытках доступа",
    ),
    "axes.accesslog": _noun(
        "запись о доступе",
        "записи о доступе",
        "запись о доступе|записи о доступе|записей о доступе",
    ),
    "axes.accessfailurelog": _noun(
        "ошибку доступа",
        "ошибки доступа",
        "ошибка доступа|ошибки доступа|ошибок доступа",
    ),
}


def noun_of(opts) -> Noun:
    """The forms of a model's name (its `_meta`); a model missing from the table
    falls back to its own names, as Django would print them."""
    found = NOUNS.get(opts.label_lower)
    if found is not None:
        return found
    return Noun(
        opts.verbose_name,
        opts.verbose_name_plural,
        f"{opts.verbose_name}|{opts.verbose_name_plural}|{opts.verbose_name_plural}",
    )


def sentence(text, noun) -> str:
    """A title or button from a phrase and a noun form, capitalized: «Іс-шараны қосу»."""
    return capfirst(str(text) % {"noun": noun})
