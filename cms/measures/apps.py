from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "cms.measures"
    label = "measures"
    verbose_name = "Dispositifs"

    def ready(self) -> None:
        # Registers the measures section of topic pages.
        from . import (
            related,  # noqa: F401
            search_source,  # noqa: F401  (registers its portal search source)
        )
