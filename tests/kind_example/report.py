"""The example kind's rows in the report: in the project this is the app's own `report.py`,
registered from its AppConfig.ready() (see the README's «Adding a kind of data»)."""

from reportkit import sections as S
from reportkit.data import HeaderCell, Row, Table
from reportkit.parts import Part


def visits_table(context, _read) -> list:
    """Each library's visits and the ЦБС's, at the end of section II."""
    rows = [
        Row([library.abbreviation(context.language), figures.declared.get("visits", 0)])
        for library, figures in context.library_figures()
    ]
    total = sum(row.cells[1] for row in rows)
    rows.append(Row(["Всего по ЦБС", total], kind="total"))
    header = [[HeaderCell("Библиотека"), HeaderCell("Посещений")]]
    return [Table(title="Посещения библиотек", header=header, rows=rows, widths=[2, 1])]


PARTS = (Part(sections=(S.CONTROL,), build=visits_table, adds=True),)
