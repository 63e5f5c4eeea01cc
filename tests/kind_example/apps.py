from django.apps import AppConfig


class KindExampleConfig(AppConfig):
    name = "tests.kind_example"
    label = "kind_example"
    verbose_name = "Пример вида данных"

    def ready(self):
        # The kind's checks join the registry, as a project app's ready() does.
        from tests.kind_example.checks import register

        register()
