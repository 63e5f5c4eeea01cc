from django.apps import AppConfig


class DatacacheConfig(AppConfig):
    name = "datacache"
    verbose_name = "Кэш показателей"

    def ready(self):
        from datacache.signals import connect

        connect()
