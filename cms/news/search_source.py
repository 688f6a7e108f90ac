"""News and press releases in the portal's search."""

from typing import Any

from search import registry
from search.pages import PageSource, town_fields

from .models import NewsPage, PressReleasePage


class NewsSource(PageSource):
    model = NewsPage
    types = {"actualite": "Actualité"}

    def queryset(self) -> Any:
        return (
            super()
            .queryset()
            .prefetch_related("topics", "tagged_items__tag", "towns__department__region")
        )

    def extra_fields(self, page: Any) -> dict[str, Any]:
        towns = list(page.towns.all())
        # One town: the news is placed there; several: they are named, not faceted.
        fields = town_fields(towns[0]) if len(towns) == 1 else {}
        return {**fields, "keywords": tuple(town.name for town in towns)}


class PressReleaseSource(PageSource):
    model = PressReleasePage
    types = {"communique": "Communiqué de presse"}


registry.register(NewsSource())
registry.register(PressReleaseSource())
