from django.apps import AppConfig


class KindExampleConfig(AppConfig):
    name = "tests.kind_example"
    label = "kind_example"
    verbose_name = "Пример вида данных"

    def ready(self):
        # The kind's checks and report rows join the registries, as a project app's do.
        from reportkit.parts import register_part
        from tests.kind_example.checks import register
        from tests.kind_example.report import PARTS

        register()
        for part in PARTS:
            register_part(part)
