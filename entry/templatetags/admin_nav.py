"""The admin's list of apps and models (the sidebar of every admin page, and the index),
written in Python rather than by Django's `admin/app_list.html`.

The sidebar lists some fifty models on every admin page; Django's template, a dozen tags
and filters per model, took about a quarter of a changelist's time to render (19 ms of
81 ms for the methodologist). This writes the same markup (`templates/admin/app_list.html`
calls it; tests/admin/test_app_list_markup.py compares it with Django's own template, the
one of Django 5.2) in about a millisecond.
"""

from urllib.parse import quote

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()
EMPTY_CELL = mark_safe("<td></td>")


@register.simple_tag(takes_context=True)
def admin_app_list(context, app_list, show_changelinks=False):
    if not app_list:
        return format_html(
            "<p>{}</p>", gettext("You don’t have permission to view or edit anything.")
        )
    request = context.get("request")
    # Django's template asks `url in request.path|urlencode` (quote(), "/" kept).
    path = quote(request.path) if request is not None else ""
    texts = {
        "model": gettext("Model name"),
        "add_link": gettext("Add link"),
        "list_link": gettext("Change or view list link"),
        "add": gettext("Add"),
        "view": gettext("View"),
        "change": gettext("Change"),
    }
    return format_html_join(
        "", "{}", ((_app(app, path, show_changelinks, texts),) for app in app_list)
    )


def _app(app, path, show_changelinks, texts):
    label = app["app_label"]
    head = format_html(
        '<div class="app-{} module{}"><table><caption>'
        '<a href="{}" class="section" title="{}">{}</a></caption>'
        '<thead class="visually-hidden"><tr><th scope="col">{}</th><th scope="col">{}</th>'
        '<th scope="col">{}</th></tr></thead>',
        label,
        " current-app" if _within(app["app_url"], path) else "",
        app["app_url"],
        # As `blocktranslate` does: the name escaped, the translated sentence as it is.
        mark_safe(
            gettext("Models in the %(name)s application")
            % {"name": conditional_escape(app["name"])}
        ),
        app["name"],
        texts["model"],
        texts["add_link"],
        texts["list_link"],
    )
    rows = format_html_join(
        "",
        "{}",
        ((_model(label, model, path, show_changelinks, texts),) for model in app["models"]),
    )
    return format_html("{}{}</table></div>", head, rows)


def _model(label, model, path, show_changelinks, texts):
    name = model["object_name"].lower()
    row_id = f"{label}-{name}"
    url = model.get("admin_url")
    current = _within(url, path)
    if url:
        title = format_html(
            '<a href="{}"{}>{}</a>', url, mark_safe(' aria-current="page"') if current else "",
            model["name"],
        )  # fmt: skip
    else:
        title = format_html("{}", model["name"])
    cells = [format_html('<th scope="row" id="{}">{}</th>', row_id, title)]
    add_url = model.get("add_url")
    if add_url:
        cells.append(
            format_html(
                '<td><a href="{}" class="addlink" aria-describedby="{}">{}</a></td>',
                add_url,
                row_id,
                texts["add"],
            )  # fmt: skip
        )
    else:
        cells.append(EMPTY_CELL)
    if url and show_changelinks:
        kind = "view" if model.get("view_only") else "change"
        cells.append(
            format_html(
                '<td><a href="{}" class="{}link" aria-describedby="{}">{}</a></td>',
                url,
                kind,
                row_id,
                texts[kind],
            )  # fmt: skip
        )
    elif show_changelinks:
        cells.append(EMPTY_CELL)
    return format_html(
        '<tr class="model-{}{}">{}</tr>',
        name,
        " current-model" if current else "",
        format_html_join("", "{}", ((cell,) for cell in cells)),
    )


def _within(url, path) -> bool:
    return bool(url) and url in path
