"""A ЦБС whose funds are partly unknown, for the fund table in every output.

- ЦГБ: its fund known from 01.01.2021 (an opening balance), receipts and write-offs;
- ф№4 and ф№5: no state of their fund ever recorded (unknown), but receipts and
  write-offs, which count in the ЦБС's totals;
- ф№6: its fund first recorded by an opening balance dated 01.07.2021, receipts after;
- 2021 has both halves; 2022 only its first.
"""

import datetime

from branches.models import Library, ReportingPeriod
from holdings.models import FundingSource, FundSnapshot, Receipt, WriteOff, WriteOffReason

D = datetime.date


def unknown_funds(organization, library, other_library) -> dict[str, Library]:
    """The rows above; returns the libraries by short name."""
    for year, half in ((2021, 1), (2021, 2), (2022, 1)):
        ReportingPeriod.objects.get_or_create(organization=organization, year=year, half=half)
    fifth = Library.objects.create(
        organization=organization, code="f5", kind="branch", number=5, short_name="ф№5",
        name_ru="Библиотека-филиал №5", name_kk="№5 кітапхана-филиалы", order=30,
    )  # fmt: skip
    sixth = Library.objects.create(
        organization=organization, code="f6", kind="branch", number=6, short_name="ф№6",
        name_ru="Библиотека-филиал №6", name_kk="№6 кітапхана-филиалы", order=40,
    )  # fmt: skip
    source = FundingSource.objects.get(code="local-budget")
    reason = WriteOffReason.objects.get(code="wear")

    def receive(lib, day, copies, kk):
        Receipt.objects.create(library=lib, date=day, source=source, copies=copies, copies_kk=kk)

    def write_off(lib, day, copies, kk):
        WriteOff.objects.create(library=lib, date=day, reason=reason, copies=copies, copies_kk=kk)

    FundSnapshot.objects.create(library=library, date=D(2021, 1, 1), copies=10000, copies_kk=4000)
    receive(library, D(2021, 2, 1), 300, 100)
    write_off(library, D(2021, 3, 1), 120, 20)
    receive(library, D(2021, 9, 1), 200, 50)
    receive(library, D(2022, 2, 1), 40, 10)
    receive(other_library, D(2021, 2, 10), 80, 30)
    write_off(other_library, D(2021, 4, 10), 500, 60)
    receive(other_library, D(2021, 10, 10), 25, 5)
    receive(fifth, D(2021, 3, 5), 60, 20)
    write_off(fifth, D(2022, 3, 5), 10, 0)
    FundSnapshot.objects.create(library=sixth, date=D(2021, 7, 1), copies=7000, copies_kk=2500)
    receive(sixth, D(2021, 8, 1), 150, 70)
    write_off(sixth, D(2022, 4, 1), 30, 5)
    return {lib.short_name: lib for lib in (library, other_library, fifth, sixth)}
