"""Case studies in the portal's search: with their town, department and region."""

from typing import Any

from search import registry
from search.pages import PageSource, stream_text, town_fields

from .models import CaseStudyPage


class CaseStudySource(PageSource):
    model = CaseStudyPage
    types = {"retour-experience": "Retour d’expérience"}

    def queryset(self) -> Any:
        return (
            super()
            .queryset()
            .select_related("town__department__region")
            .prefetch_related("topics", "tagged_items__tag", "financing_partners")
        )

    def extra_fields(self, page: Any) -> dict[str, Any]:
        partners = [str(partner) for partner in page.financing_partners.all()]
        return {
            **town_fields(page.town),
            "keywords": (*partners, page.other_financers, stream_text(page.outcomes)),
        }


registry.register(CaseStudySource())
