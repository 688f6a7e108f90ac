"""QuerySets of the pages listed as cards (listings, related sections, home page, feeds).

Each content model plugs them in with `objects = PageManager.from_queryset(...)()`, so
other parts of the portal ask `NewsPage.objects.published().about(topic)…` instead of
going through query functions.
"""

from typing import Any, Self

from wagtail.query import PageQuerySet

from .cards import with_card_images


class ListedPageQuerySet(PageQuerySet):
    def published(self) -> Self:
        """What anonymous readers may see: live, and under no view restriction."""
        return self.live().public()

    def about(self, topic: Any) -> Self:
        """Pages tagged with this axis or theme (a `Topic` or its id)."""
        return self.filter(topics=topic)

    def for_cards(self) -> Self:
        """With the card image and its rendition, in a fixed number of queries."""
        return with_card_images(self)


class DatedPageQuerySet(ListedPageQuerySet):
    """Pages with an editorial date (`DatedMixin.published_on`)."""

    def newest_first(self) -> Self:
        return self.order_by("-published_on", "-pk")
