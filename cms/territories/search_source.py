"""The programme's towns in the portal's search (« Chalon-sur-Saône » finds its page)."""

from collections.abc import Iterable, Iterator
from typing import Any

from search import registry
from search.documents import SearchDocument
from search.pages import town_fields

from .models import Town


class TownSource:
    name = "cms.towns"
    types = {"ville": "Ville"}
    models = (Town,)

    def documents(self) -> Iterator[SearchDocument]:
        for town in Town.objects.with_geography().iterator(chunk_size=500):
            yield self.build(town)

    def document_for(self, obj: Any) -> SearchDocument | None:
        return self.build(Town.objects.with_geography().get(pk=obj.pk))

    def key_for(self, obj: Any) -> str:
        return f"town:{obj.insee_code}"

    def affected(self, obj: Any) -> Iterable[Any]:
        yield obj

    def build(self, town: Town) -> SearchDocument:
        territory = town.territory_name if town.territory_name != town.name else ""
        return SearchDocument(
            key=self.key_for(town),
            type="ville",
            title=town.name,
            url=town.get_absolute_url(),
            summary=town.summary,
            text=" ".join(filter(None, [territory, town.epci_name])),
            keywords=("ville", "commune", "Action cœur de ville"),
            **town_fields(town),
        )


registry.register(TownSource())
