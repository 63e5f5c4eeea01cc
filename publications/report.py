"""The report's publishing part (the list of the span's publications, read here) and its
media part (from the figures reader's media summary)."""

from django.utils.translation import gettext as _

from publications.selectors import Publications, publications_in
from reportkit import sections as S
from reportkit.data import Figure, HeaderCell, ItemList, Paragraph, Row, Table
from reportkit.parts import Part, ReportContext
from reportkit.text import upper_first


def publishing_read(context: ReportContext) -> Publications:
    """One query: the span's publications."""
    return publications_in(
        library_ids=context.library_ids, start=context.span.start, end=context.span.end
    )


def publishing_blocks(context: ReportContext, p: Publications) -> list:
    """The ЦБС's publishing: the printed, then the book trailers and virtual exhibitions."""
    site = f" {context.organization.site}" if context.organization.site else ""
    blocks = []
    blocks.append(
        Paragraph(
            _("%(For)s выпущены следующие материалы")
            % {"For": upper_first(context.span.during_label)}
            + site,
            figures=[
                Figure(_("Издания"), len(p.printed), _("назв.")),
                Figure(_("Буктрейлеры, виртуальные выставки"), len(p.multimedia), _("назв.")),
            ],
        )
    )
    lang = context.language
    rows = [Row([f"{n}.", pub.report_line(lang)]) for n, pub in enumerate(p.printed, 1)]
    if p.multimedia:
        rows.append(Row([_("Буктрейлеры, виртуальные выставки")], kind="group"))
        rows += [Row([f"{n}.", pub.report_line(lang)]) for n, pub in enumerate(p.multimedia, 1)]
    blocks.append(
        Table(
            title="",
            header=[
                [
                    HeaderCell(_("№")),
                    HeaderCell(_("Название. Полное библиографическое описание издания")),
                ]
            ],
            rows=rows,
            widths=[0.5, 8],
        )
    )
    return blocks


def media_blocks(context: ReportContext, _read=None) -> list:
    """The library in the media: mentions, TV stories, the lists of both."""
    m, lang = context.figures.media, context.language
    blocks = []
    blocks.append(Paragraph(_("Освещение деятельности в СМИ"), style="heading"))
    labels = (
        _("Количество публикаций о библиотеке в СМИ"),
        _("из них публикаций самих библиотекарей"),
        _("видеосюжетов на телевидении"),
    )
    values = (m.mentions, m.by_librarians, m.tv)
    blocks.append(
        Paragraph(
            ", ".join(f"{label} – {value}" for label, value in zip(labels, values, strict=True)),
            figures=[Figure(label, value, "") for label, value in zip(labels, values, strict=True)],
        )
    )
    if m.tv_stories:
        blocks.append(
            ItemList(
                _("Видео-сюжеты:"),
                [story.report_line(lang) for story in m.tv_stories],
                numbered=True,
            )
        )
    if m.references:
        blocks.append(
            ItemList(
                _("Публикации в СМИ:"),
                [mention.report_line(lang) for mention in m.references],
                numbered=True,
            )
        )
    return blocks


PARTS = (
    Part(sections=(S.PUBLISHING,), read=publishing_read, build=publishing_blocks),
    Part(sections=(S.MEDIA,), build=media_blocks),
)
