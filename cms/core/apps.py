from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Socle du portail"

    def ready(self) -> None:
        from . import signals

        signals.connect()
        from . import search_registration  # noqa: F401  (the portal search's sources)
