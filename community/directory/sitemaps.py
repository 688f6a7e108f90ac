"""The directory in sitemap.xml: the listing and every current entry (their public part)."""

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import DirectoryEntry


class DirectorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> list[Any]:
        return ["directory", *DirectoryEntry.objects.current().order_by("pk").only("slug")]

    def location(self, item: Any) -> str:
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item: Any) -> Any:
        return None if isinstance(item, str) else item.updated_at
