from django.contrib.sitemaps import Sitemap

from .models import Topic


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Topic.objects.only("slug")
