from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "cms.programme"
    label = "programme"
    verbose_name = "Structure du programme"

    def ready(self) -> None:
        from . import search_source  # noqa: F401  (registers its portal search source)
