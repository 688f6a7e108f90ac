from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "cms.home"
    label = "home"
    verbose_name = "Accueil"

    def ready(self) -> None:
        from . import search_source  # noqa: F401  (registers its portal search source)
