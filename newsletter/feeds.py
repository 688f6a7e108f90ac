"""RSS feed of the sent issues, advertised on the newsletter's pages."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from .models import Issue


class ArchiveFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Lettre d’information — Cœur de ville"
    description = "Les numéros de la lettre d’information du programme Action cœur de ville."

    @staticmethod
    def advertised() -> dict[str, str]:
        return {"title": ArchiveFeed.title, "url": reverse("newsletter:archive-feed")}

    def link(self) -> str:
        return reverse("newsletter:archive")

    def items(self):
        return Issue.objects.sent()[:20]

    def item_title(self, item: Issue) -> str:
        return item.title

    def item_description(self, item: Issue) -> str:
        return item.introduction

    def item_pubdate(self, item: Issue):
        return item.sent_at
