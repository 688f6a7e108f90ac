from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "cms.casestudies"
    label = "casestudies"
    verbose_name = "Retours d’expérience"

    def ready(self) -> None:
        from . import (
            related,  # noqa: F401  (registers the town and topic sections)
            search_source,  # noqa: F401  (registers its portal search source)
        )
