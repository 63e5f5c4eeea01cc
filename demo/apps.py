from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo's loaders (load_demo) and the benchmarks' generator (generate_data).

    The top of the layers: it writes every app's rows, so it may import every app,
    and no app imports it (only tests and bench/ do). It has no models.
    """

    name = "demo"
