"""sitemap.xml: every live public Wagtail page, plus the pages served by plain views
(towns, axes and themes) that each app declares in its own `sitemaps` module."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from cms.programme.sitemaps import TopicSitemap
from cms.territories.sitemaps import TownSitemap

sitemaps: dict[str, type[Sitemap]] = {
    "pages": WagtailSitemap,
    "villes": TownSitemap,
    "axes": TopicSitemap,
}
