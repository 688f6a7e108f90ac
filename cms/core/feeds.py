"""RSS feeds for listing pages: `<index>/rss/` lists the index's latest items.

An index page mixes in `FeedMixin` and implements `feed_items()`; the feed URL is then
advertised in the page head through the `feeds` context variable.
"""

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

FEED_LENGTH = 20


class PageFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index: "FeedMixin", request: HttpRequest) -> None:
        super().__init__()
        self.index = index
        self.request = request

    def title(self) -> str:
        return f"{self.index.title} — Cœur de ville"

    def link(self) -> str:
        return self.index.get_url(request=self.request)

    def description(self) -> str:
        return getattr(self.index, "introduction", "") or self.title()

    def items(self) -> list[Page]:
        return list(self.index.feed_items()[:FEED_LENGTH])

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        return getattr(item, "summary", "") or item.search_description or ""

    def item_link(self, item: Page) -> str:
        return item.get_url(request=self.request)

    def item_pubdate(self, item: Page) -> Any:
        # The editorial date readers see, not the moment the page was first saved.
        published_on = getattr(item, "published_on", None)
        if published_on:
            return timezone.make_aware(datetime.datetime.combine(published_on, datetime.time(9)))
        return item.first_published_at

    def item_updateddate(self, item: Page) -> Any:
        return item.last_published_at


class FeedMixin(RoutablePageMixin):
    """Gives an index page an RSS feed at `rss/` and announces it in the page head."""

    def feed_items(self) -> Any:
        raise NotImplementedError

    def feed_url(self, request: HttpRequest | None = None) -> str:
        return self.get_url(request=request) + "rss/"

    @path("rss/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        return PageFeed(self, request)(request)

    def feed_link(self, request: HttpRequest | None = None) -> dict[str, str]:
        """The feed as the `feeds` context variable lists it (`<link rel="alternate">`)."""
        return {"title": f"{self.title} (RSS)", "url": self.feed_url(request)}

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["feeds"] = [self.feed_link(request)]
        return context
