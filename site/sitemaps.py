"""sitemap.xml: every live public Wagtail page, plus the pages served by plain views
(towns, axes and themes, the directory, and their list pages) that each app declares."""

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from cms.core.querysets import publicly_visible
from cms.programme.sitemaps import TopicSitemap
from cms.territories.sitemaps import TownSitemap
from community.directory.sitemaps import DirectorySitemap
from community.sitemaps import sitemaps as community_sitemaps


class ViewSitemap(Sitemap):
    """The list pages served by plain Django views."""

    changefreq = "weekly"
    priority = 0.7

    def items(self) -> list[str]:
        return ["town-list", "town-map", "topic-list"]

    def location(self, item: str) -> str:
        return reverse(item)


class PageSitemap(WagtailSitemap):
    """Wagtail's page sitemap on the host it is served from.

    Wagtail writes each page's full URL from its `Site` record (`http://localhost` after
    `load_demo`); the sitemap must name the address readers and crawlers actually use, as the
    other sections do (Django builds them from the request, whose host ALLOWED_HOSTS checked).
    """

    def items(self) -> Any:
        # Wagtail's `public()` misses the aliases of a private page, which Wagtail serves
        # only to those the page's restrictions let in: `publicly_visible` leaves them out.
        return super().items().filter(publicly_visible())

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict]:
        urls = super()._urls(page, protocol, domain)
        site_root = self.get_wagtail_site().root_url.rstrip("/")
        for url_info in urls:
            location = url_info["location"]
            if location == site_root or location.startswith(f"{site_root}/"):
                url_info["location"] = f"{protocol}://{domain}{location[len(site_root) :]}"
        return urls


sitemaps: dict[str, type[Sitemap]] = {
    "pages": PageSitemap,
    "vues": ViewSitemap,
    "villes": TownSitemap,
    "axes": TopicSitemap,
    "annuaire": DirectorySitemap,
    **community_sitemaps,
}
