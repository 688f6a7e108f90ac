from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "cms.news"
    label = "news"
    verbose_name = "Actualités et presse"

    def ready(self) -> None:
        # Registers the news sections of topic and town pages.
        from . import (
            related,  # noqa: F401
            search_source,  # noqa: F401  (registers its portal search source)
        )
