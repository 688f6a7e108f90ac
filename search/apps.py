from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = "Recherche"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the Elasticsearch version check)
