"""The directory in sitemap.xml: the listing and every current entry (their public part)."""

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import DirectoryEntry


class DirectorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> list[Any]:
        # `updated_at` for <lastmod>: loaded with the rows, not once per entry.
        entries = DirectoryEntry.objects.current().order_by("pk").only("slug", "updated_at")
        return ["directory", *entries]

    def location(self, item: Any) -> str:
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item: Any) -> Any:
        return None if isinstance(item, str) else item.updated_at
