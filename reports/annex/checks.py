"""The system check that refuses, at start-up, an annex layout Django cannot fill: a
file naming a figure code no one knows (figures.codes), or breaking a layout's rule, is
an error naming its path and line, and `manage.py` (runserver, migrate, build_annex…)
stops on it."""

from django.core import checks

from figures.codes import figure_codes
from reports.annex.layout import LayoutError, layout_parse, layouts_dir

LAYOUT_REFUSED = "reports.E001"


@checks.register()
def annex_layouts_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    errors = []
    known = figure_codes()
    for path in sorted(layouts_dir().glob("*.toml")):
        try:
            layout_parse(path, known)
        except LayoutError as error:
            errors.append(
                checks.Error(
                    str(error),
                    hint="Исправьте макет приложения или уберите файл из папки макетов.",
                    id=LAYOUT_REFUSED,
                )
            )
    return errors
