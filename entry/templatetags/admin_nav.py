"""The admin's list of apps and models (the sidebar of every admin page, and the index),
written in Python rather than by Django's `admin/app_list.html`.

The sidebar lists some fifty models on every admin page; Django's template, a dozen tags
and filters per model, took about a quarter of a changelist's time to render (19 ms of
81 ms for the methodologist). This writes the same markup (`templates/admin/app_list.html`
calls it; tests/admin/test_app_list_markup.py compares it with Django's own template, the
one of Django 5.2) in about a millisecond: each value escaped once, the rest joined.
"""

from urllib.parse import quote

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_app_list(context, app_list, show_changelinks=False):
    if not app_list:
        return mark_safe(
            f"<p>{escape(gettext('You don’t have permission to view or edit anything.'))}</p>"
        )
    request = context.get("request")
    # Django's template asks `url in request.path|urlencode` (quote(), "/" kept).
    path = quote(request.path) if request is not None else ""
    texts = {
        key: escape(gettext(text))
        for key, text in [
            ("model", "Model name"),
            ("add_link", "Add link"),
            ("list_link", "Change or view list link"),
            ("add", "Add"),
            ("view", "View"),
            ("change", "Change"),
        ]
    }
    return mark_safe("".join(_app(app, path, show_changelinks, texts) for app in app_list))


def _app(app, path, show_changelinks, texts) -> str:
    label = escape(app["app_label"])
    url = escape(app["app_url"])
    name = escape(app["name"])
    current = " current-app" if _within(app["app_url"], path) else ""
    # As `blocktranslate` does: the name escaped, the translated sentence as it is.
    title = gettext("Models in the %(name)s application") % {"name": name}
    rows = "".join(_model(label, model, path, show_changelinks, texts) for model in app["models"])
    return (
        f'<div class="app-{label} module{current}"><table><caption>'
        f'<a href="{url}" class="section" title="{title}">{name}</a></caption>'
        f'<thead class="visually-hidden"><tr><th scope="col">{texts["model"]}</th>'
        f'<th scope="col">{texts["add_link"]}</th><th scope="col">{texts["list_link"]}</th>'
        f"</tr></thead>{rows}</table></div>"
    )


def _model(label, model, path, show_changelinks, texts) -> str:
    name = escape(model["object_name"].lower())
    row_id = f"{label}-{name}"
    url = model.get("admin_url")
    current = _within(url, path)
    title = escape(model["name"])
    if url:
        aria = ' aria-current="page"' if current else ""
        title = f'<a href="{escape(url)}"{aria}>{title}</a>'
    cells = [f'<th scope="row" id="{row_id}">{title}</th>']
    add_url = model.get("add_url")
    if add_url:
        cells.append(
            f'<td><a href="{escape(add_url)}" class="addlink" aria-describedby="{row_id}">'
            f"{texts['add']}</a></td>"
        )
    else:
        cells.append("<td></td>")
    if url and show_changelinks:
        kind = "view" if model.get("view_only") else "change"
        cells.append(
            f'<td><a href="{escape(url)}" class="{kind}link" aria-describedby="{row_id}">'
            f"{texts[kind]}</a></td>"
        )
    elif show_changelinks:
        cells.append("<td></td>")
    marked = " current-model" if current else ""
    return f'<tr class="model-{name}{marked}">{"".join(cells)}</tr>'


def _within(url, path) -> bool:
    return bool(url) and url in path
