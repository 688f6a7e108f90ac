from django.contrib.sitemaps import Sitemap

from .models import Town


class TownSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Town.objects.only("slug").order_by("name")
