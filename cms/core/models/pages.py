"""Generic pages: legal pages and other standalone content, and the human-readable sitemap."""

from typing import Any

from django.http import HttpRequest
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks.registry import body_blocks
from cms.core.querysets import publicly_visible

from .base import BasePage
from .mixins import ListingMixin


class StandardPage(ListingMixin, BasePage):
    """Mentions légales, accessibilité, données personnelles, and any other simple page."""

    body = StreamField(body_blocks(), blank=True, verbose_name="contenu")

    content_panels = [*Page.content_panels, "summary", "body"]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels]
    search_fields = [*Page.search_fields, *ListingMixin.search_fields, index.SearchField("body")]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = "page simple"
        verbose_name_plural = "pages simples"


class SitemapPage(BasePage):
    """« Plan du site »: the page tree, readable by people (RGAA asks for one)."""

    max_count = 1
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "plan du site"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        home = self.get_site().root_page
        pages = list(
            home.get_descendants()
            .live()
            # Wagtail's `public()`, with the aliases of private pages it misses.
            .filter(publicly_visible(), depth__lte=home.depth + 2)
            .only("title", "url_path", "depth", "path")
        )
        sections = [page for page in pages if page.depth == home.depth + 1]
        for section in sections:
            section.sitemap_children = [
                page
                for page in pages
                if page.depth == home.depth + 2 and page.path.startswith(section.path)
            ]
        context["sitemap_sections"] = sections
        return context
