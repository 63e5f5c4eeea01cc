"""What every worker process would otherwise load on its first requests, loaded once
in gunicorn's master before it forks the workers (gunicorn.conf.py, `when_ready`):
the translation catalogues, the compiled templates, the URL patterns and the static
files' manifest. A new worker (gunicorn replaces each after `max_requests`) starts
warm and shares this memory with the others, instead of making its first users
wait a tenth of a second or more. Nothing here opens a database connection: a
connection must not be shared across a fork.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation


def template_names() -> list[str]:
    """The project's own templates (its folder and its apps'), not the installed packages'."""
    root = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [
        Path(app.path) / "templates"
        for app in apps.get_app_configs()
        if Path(app.path).resolve().is_relative_to(root)
    ]
    return sorted(
        {
            path.relative_to(folder).as_posix()
            for folder in folders
            if folder.is_dir()
            for path in folder.rglob("*.html")
        }
    )


def warm_up() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Панель")  # loads the language's catalogues
            _reverse_every_namespace()
    for name in template_names():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # an admin override of a template missing here: loaded when asked
    staticfiles_storage.base_url  # noqa: B018 -- the storage (its manifest) is made at first use


def _reverse_every_namespace() -> None:
    """The URL patterns, compiled for the active language: Django keeps them per
    language, and a namespace («dashboard:index») per namespace on its first reverse."""
    resolver = get_resolver()
    for namespace, (_prefix, inner) in resolver.namespace_dict.items():
        name = next((key for key in inner.reverse_dict if isinstance(key, str)), None)
        if name is not None:
            try:
                reverse(f"{namespace}:{name}")
            except NoReverseMatch:
                pass  # a pattern with arguments: compiled all the same
