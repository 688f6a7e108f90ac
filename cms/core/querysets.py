"""QuerySets of the pages listed as cards (listings, related sections, home page, feeds).

Each content model plugs them in with `objects = PageManager.from_queryset(...)()`, so
other parts of the portal ask `NewsPage.objects.published().about(topic)…` instead of
going through query functions.
"""

from typing import Any, Self

from django.db.models import Q
from wagtail.query import PageQuerySet

from .cards import with_card_images
from .restrictions import restricted_paths


def publicly_visible() -> Q:
    """Pages under no view restriction, theirs or an ancestor's (Wagtail's `public()`).

    The restricted paths are read once per request (`restrictions`) and become plain `path`
    prefixes the index serves. A correlated `NOT EXISTS` comparing each row's path with the restrictions'
    looked cheaper but made PostgreSQL plan every listing query around it: the uncached
    case-study listing went from 89 to 354 ms of server time with no restriction at all."""
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(path__startswith=path)
    return condition


class ListedPageQuerySet(PageQuerySet):
    def published(self) -> Self:
        """What anonymous readers may see: live, and under no view restriction."""
        return self.live().filter(publicly_visible())

    def about(self, topic: Any) -> Self:
        """Pages tagged with this axis or theme (a `Topic` or its id)."""
        return self.filter(topics=topic)

    def for_cards(self) -> Self:
        """With the card image and its rendition, in a fixed number of queries; without
        the StreamFields, which a card never shows and which are decoded on load."""
        return with_card_images(self).defer_streamfields()


class DatedPageQuerySet(ListedPageQuerySet):
    """Pages with an editorial date (`DatedMixin.published_on`)."""

    def newest_first(self) -> Self:
        return self.order_by("-published_on", "-pk")
