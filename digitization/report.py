"""Section V of the report «Краеведческая деятельность библиотек. Работа по оцифровке
документов», from the figures reader's digitization (no read of its own)."""

from django.utils.translation import gettext as _

from digitization.selectors import BOOKS
from reportkit import sections as S
from reportkit.data import Figure, HeaderCell, ItemList, Paragraph, Row, Table
from reportkit.parts import Part, ReportContext
from reportkit.text import count_noun, lower_first, upper_first


def local_history_blocks(context: ReportContext, _read=None) -> list:
    """Section V: the plan and what was done per kind, the books, the span's total."""
    d, lang, span = context.figures.digitization, context.language, context.span
    blocks = []
    rows = [Row([k.name(lang), k.planned, k.done]) for k in d.kinds]
    rows.append(Row([_("Всего"), d.planned, d.done], kind="total"))
    blocks.append(
        Table(
            title="",
            header=[
                [
                    HeaderCell(_("Наименование"), rowspan=2),
                    HeaderCell(_("Оцифровка документов"), colspan=2),
                ],
                [HeaderCell(_("план")), HeaderCell(_("выполнено"))],
            ],
            rows=rows,
            widths=[2, 1, 1],
        )
    )
    documents_forms = _("документ|документа|документов")
    pages_forms = _("страница|страницы|страниц")
    for kind in d.kinds:
        if not kind.done:
            continue
        docs = count_noun(kind.done, documents_forms)
        pages = count_noun(kind.pages, pages_forms)
        if kind.code == BOOKS:
            text = _("Полностью оцифрованы %(books)s, %(pages)s") % {
                "books": count_noun(kind.done, _("книга|книги|книг")),
                "pages": pages,
            }
        elif kind.sources:
            # The kind's name opens the Russian sentence but not the Kazakh one.
            text = upper_first(
                _("%(kind)s из газет %(sources)s – %(docs)s, %(pages)s")
                % {
                    "kind": lower_first(kind.name(lang)),
                    "sources": ", ".join(kind.sources),
                    "docs": docs,
                    "pages": pages,
                }
            )
        else:
            text = f"{kind.name(lang)} – {docs}, {pages}"
        blocks.append(
            Paragraph(
                text,
                style="bullet",
                figures=[
                    Figure(kind.name(lang), kind.done, _("док.")),
                    Figure(kind.name(lang), kind.pages, _("стр.")),
                ],
            )
        )
    if d.books:
        blocks.append(
            ItemList(
                _("Список оцифрованных книг:"),
                [book.description_in(lang) for book in d.books],
                numbered=True,
            )
        )
        blocks.append(Paragraph(_("Всего: %(n)s экз. книг") % {"n": len(d.books)}, style="body"))
    label = _("%(For)s оцифровано") % {"For": upper_first(span.during_label)}
    blocks.append(
        Paragraph(
            _("Всего %(for)s оцифровано %(docs)s, %(pages)s")
            % {
                "for": span.during_label,
                "docs": count_noun(d.done, documents_forms),
                "pages": count_noun(d.pages, pages_forms),
            },
            figures=[Figure(label, d.done, _("док.")), Figure(label, d.pages, _("стр."))],
        )
    )
    return blocks


PARTS = (Part(sections=(S.LOCAL_HISTORY,), build=local_history_blocks),)
