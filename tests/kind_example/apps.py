from django.apps import AppConfig


class KindExampleConfig(AppConfig):
    name = "tests.kind_example"
    label = "kind_example"
    verbose_name = "Пример вида данных"
