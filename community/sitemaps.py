"""The community's pages in sitemap.xml: groups, and what anonymous visitors may read of
the forum (the one visibility rule decides)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from community import visibility
from community.forum.models import Category
from community.groups.models import WorkingGroup


class CommunityListSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self) -> list[str]:
        return ["group-list", "forum-index"]

    def location(self, item: str) -> str:
        return reverse(item)


class WorkingGroupSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> QuerySet:
        return WorkingGroup.objects.order_by("pk")


class ForumCategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.4

    def items(self) -> QuerySet:
        return Category.objects.filter(visibility.readable_categories_q(AnonymousUser())).order_by(
            "pk"
        )


class ForumTopicSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.3
    limit = 5000

    def items(self) -> QuerySet:
        return visibility.public_topics().order_by("-last_post_at", "pk").only("pk", "last_post_at")

    def lastmod(self, topic) -> object:
        return topic.last_post_at


sitemaps: dict[str, type[Sitemap]] = {
    "communaute": CommunityListSitemap,
    "groupes": WorkingGroupSitemap,
    "forum": ForumCategorySitemap,
    "sujets": ForumTopicSitemap,
}
