"""Forum topics and posts in the portal's search.

Each document's audience follows `community.visibility`: a public category's content is
public, a members-only category of a working group needs that group, a members-only
general category needs a member. Deleted topics, deleted posts and posts hidden by
moderation are never findable. Posts are signed with `names.public_name`, so an erased
account's posts read « Compte supprimé » once they are reindexed (see `reindex_author`).
"""

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch
from django.utils.html import strip_tags

from community.groups.models import Visibility
from search import indexing, registry
from search.documents import MEMBERS, PUBLIC, SearchDocument, group_audience
from search.pages import topic_labels, town_fields

from .models import Category, Post, Topic
from .names import public_name


def category_audience(category: Category) -> str:
    """The search audience matching `visibility.can_read_category`."""
    if category.visibility == Visibility.PUBLIC:
        return PUBLIC
    if category.group_id is None:
        return MEMBERS
    return group_audience(category.group_id)


def _text(html: str) -> str:
    return " ".join(strip_tags(html).split())


def _place_fields(topic: Topic) -> dict[str, Any]:
    axes, themes = topic_labels([topic.subject] if topic.subject else [])
    return {**town_fields(topic.town), "axes": axes, "themes": themes}


def _topics() -> Any:
    return Topic.objects.select_related("category", "author", "town__department__region", "subject")


class TopicSource:
    """A topic: its title and its first post (the question)."""

    name = "community.forum.topics"
    types = {"sujet-forum": "Sujet du forum"}
    # A category's changes (made members-only, renamed) reindex its topics and posts.
    models = (Topic, Category)

    def documents(self) -> Iterator[SearchDocument]:
        first_posts = Prefetch("posts", Post.objects.filter(number=1), to_attr="first_posts")
        for topic in _topics().filter(is_deleted=False).prefetch_related(first_posts):
            if (document := self.document_for(topic)) is not None:
                yield document

    def document_for(self, obj: Any) -> SearchDocument | None:
        if not isinstance(obj, Topic) or obj.is_deleted:
            return None
        prefetched = getattr(obj, "first_posts", None)
        first = prefetched[0] if prefetched else obj.posts.filter(number=1).first()
        text = _text(first.html) if first is not None and first.is_visible else ""
        return SearchDocument(
            key=self.key_for(obj),
            type="sujet-forum",
            title=obj.title,
            url=obj.get_absolute_url(),
            text=text,
            date=obj.created_at.date(),
            author=public_name(obj.author),
            keywords=(obj.category.title,),
            audience=category_audience(obj.category),
            **_place_fields(obj),
        )

    def key_for(self, obj: Any) -> str:
        return f"forum-topic:{obj.pk}" if isinstance(obj, Topic) else ""

    def affected(self, obj: Any) -> Iterable[Any]:
        if isinstance(obj, Category):
            for topic in obj.topics.all():
                yield from self.affected(topic)
            return
        yield obj
        yield from obj.posts.filter(number__gt=1)


class PostSource:
    """A reply (posts after the first, which belongs to its topic's document)."""

    name = "community.forum.posts"
    types = {"message-forum": "Message du forum"}
    models = (Post,)

    def documents(self) -> Iterator[SearchDocument]:
        posts = Post.objects.filter(
            number__gt=1, is_deleted=False, is_hidden=False, topic__is_deleted=False
        ).select_related(
            "author",
            "topic__category",
            "topic__author",
            "topic__town__department__region",
            "topic__subject",
        )
        for post in posts.iterator():
            if (document := self.document_for(post)) is not None:
                yield document

    def document_for(self, obj: Any) -> SearchDocument | None:
        topic = obj.topic
        if obj.number == 1 or not obj.is_visible or topic.is_deleted:
            return None
        return SearchDocument(
            key=self.key_for(obj),
            type="message-forum",
            title=f"Re : {topic.title}",
            url=obj.get_absolute_url(),
            text=_text(obj.html),
            date=obj.created_at.date(),
            author=public_name(obj.author),
            keywords=(topic.category.title,),
            audience=category_audience(topic.category),
            **_place_fields(topic),
        )

    def key_for(self, obj: Any) -> str:
        return f"forum-post:{obj.pk}"

    def affected(self, obj: Any) -> Iterable[Any]:
        yield obj
        if obj.number == 1:  # the question is its topic's text
            yield obj.topic


def topic_changed(topic: Topic) -> None:
    """After a queryset update (lock, soft delete, title): reindex the topic and its posts."""
    indexing.object_changed(topic)


def post_changed(post: Post) -> None:
    """After a queryset update (hidden, restored, soft-deleted)."""
    indexing.object_changed(post)


def reindex_author(user: Any) -> None:
    """Before an account goes: its topics and posts are reindexed after the commit, when
    their author is empty and they are signed « Compte supprimé »."""
    for topic in Topic.objects.filter(author=user):
        indexing.object_changed(topic)
    for post in Post.objects.filter(author=user, number__gt=1):
        indexing.object_changed(post)


registry.register(TopicSource())
registry.register(PostSource())
