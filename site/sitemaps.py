"""sitemap.xml: every live public Wagtail page, plus the pages served by plain views
(towns, axes and themes, the directory, and their list pages) that each app declares."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from cms.programme.sitemaps import TopicSitemap
from cms.territories.sitemaps import TownSitemap
from community.directory.sitemaps import DirectorySitemap


class ViewSitemap(Sitemap):
    """The list pages served by plain Django views."""

    changefreq = "weekly"
    priority = 0.7

    def items(self) -> list[str]:
        return ["town-list", "town-map", "topic-list"]

    def location(self, item: str) -> str:
        return reverse(item)


sitemaps: dict[str, type[Sitemap]] = {
    "pages": WagtailSitemap,
    "vues": ViewSitemap,
    "villes": TownSitemap,
    "axes": TopicSitemap,
    "annuaire": DirectorySitemap,
}
