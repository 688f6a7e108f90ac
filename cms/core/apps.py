from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Socle du portail"

    def ready(self) -> None:
        from . import signals

        signals.connect()
