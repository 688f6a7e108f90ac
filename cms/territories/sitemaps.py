import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Town


class TownSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> QuerySet[Town]:
        return Town.objects.only("slug", "updated_at").order_by("search_name")

    def lastmod(self, town: Town) -> datetime.datetime:
        return town.updated_at
