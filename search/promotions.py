"""Editors' picks (Wagtail's search promotions) for a query: live, public pages only."""

from typing import Any

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string


def promoted_pages(query: str) -> list[dict[str, Any]]:
    # A lookup, not `Query.get()`: that would store a row for every string anyone types.
    normalised = normalise_query_string(query)[:MAX_QUERY_STRING_LENGTH]
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order")
    )
    picks = []
    for promotion in promotions:
        page = promotion.page
        if page is not None and page.live and not page.get_view_restrictions().exists():
            picks.append(
                {"title": page.title, "url": page.get_url(), "description": promotion.description}
            )
        elif page is None and getattr(promotion, "external_link_url", ""):
            picks.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return picks
