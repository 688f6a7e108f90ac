from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "cms.territories"
    label = "territories"
    verbose_name = "Territoires"

    def ready(self) -> None:
        from . import search_source  # noqa: F401  (registers its portal search source)
