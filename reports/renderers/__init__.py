"""Renderers of ReportData: one per output format, all reading the same data."""

from reports.renderers.docx import render_docx
from reports.renderers.xlsx import render_xlsx

RENDERERS = {
    "docx": (
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        render_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}
