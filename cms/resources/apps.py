from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "cms.resources"
    label = "resources"
    verbose_name = "Guides et ressources"

    def ready(self) -> None:
        from . import (
            related,  # noqa: F401  (registers the topic pages' section)
            search_source,  # noqa: F401  (registers its portal search source)
        )
