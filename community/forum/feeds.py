"""RSS feeds of the forum: the latest public topics, everywhere or in one public category.

A feed is read by feed readers, without a session: it always shows what an anonymous
reader may see (`community.visibility`), whoever asks. A members-only category has no feed
(404).
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags

from community import visibility

from .models import Category, Post, Topic

FEED_LENGTH = 30
EXCERPT_LENGTH = 500


def feed_link(title: str, url: str) -> dict[str, str]:
    """As the `feeds` context variable lists it (`<link rel="alternate">`)."""
    return {"title": f"{title} (RSS)", "url": url}


class TopicFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Category | None:
        if slug is None:
            return None
        category = Category.objects.select_related("group").filter(slug=slug).first()
        if category is None or not visibility.can_read_category(AnonymousUser(), category):
            raise Http404
        return category

    def title(self, category: Category | None) -> str:
        name = category.title if category else "Forum"
        return f"{name} — Cœur de ville"

    def link(self, category: Category | None) -> str:
        return category.get_absolute_url() if category else reverse("forum-index")

    def description(self, category: Category | None) -> str:
        if category:
            return category.description or f"Les derniers sujets de la catégorie {category.title}."
        return "Les derniers sujets du forum des référents Action cœur de ville."

    def items(self, category: Category | None) -> list[Topic]:
        topics = visibility.public_topics().select_related("category", "author")
        if category is not None:
            topics = topics.filter(category=category)
        topics = list(topics.order_by("-created_at", "-pk")[:FEED_LENGTH])
        first_posts = {
            post.topic_id: post
            for post in Post.objects.filter(
                topic__in=topics, number=1, is_deleted=False, is_hidden=False
            ).only("topic_id", "html")
        }
        for topic in topics:
            post = first_posts.get(topic.pk)
            topic.excerpt = strip_tags(post.html)[:EXCERPT_LENGTH] if post else ""
        return topics

    def item_title(self, topic: Topic) -> str:
        return topic.title

    def item_description(self, topic: Topic) -> str:
        return topic.excerpt

    def item_link(self, topic: Topic) -> str:
        return topic.get_absolute_url()

    def item_pubdate(self, topic: Topic) -> Any:
        return topic.created_at

    def item_categories(self, topic: Topic) -> list[str]:
        return [topic.category.title]
