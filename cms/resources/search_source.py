"""Guides and resources in the portal's search."""

from typing import Any

from search import registry
from search.pages import PageSource

from .models import ResourcePage
from .resource_types import ResourceType


class ResourceSource(PageSource):
    model = ResourcePage
    types = {"guide": "Guide", "ressource": "Ressource"}

    def queryset(self) -> Any:
        return super().queryset().prefetch_related("topics", "tagged_items__tag")

    def document_type(self, page: Any) -> str:
        return "guide" if page.resource_type == ResourceType.GUIDE else "ressource"

    def extra_fields(self, page: Any) -> dict[str, Any]:
        return {"keywords": (page.get_resource_type_display(),)}


registry.register(ResourceSource())
