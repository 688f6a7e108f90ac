"""The programme's measures (dispositifs) in the portal's search."""

from typing import Any

from search import registry
from search.pages import PageSource

from .models import MeasurePage


class MeasureSource(PageSource):
    model = MeasurePage
    types = {"dispositif": "Dispositif"}

    def queryset(self) -> Any:
        return super().queryset().prefetch_related("topics", "acronyms")

    def extra_fields(self, page: Any) -> dict[str, Any]:
        return {
            "date": page.first_published_at.date() if page.first_published_at else None,
            "keywords": (page.tagline, *(str(term) for term in page.acronyms.all())),
        }


registry.register(MeasureSource())
