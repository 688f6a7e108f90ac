"""Town and axis pages show their recent public forum topics (what anonymous readers may read: the
page is cached for everyone alike)."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from cms.core.fragments import bump_content_version
from cms.core.related import RelatedSection, register
from community.visibility import public_topics

from .models import Category


def _recent_public_topics(**linked_to: Any) -> RelatedSection:
    """The three most recently active public topics linked to a town or an axis."""
    topics = list(
        public_topics().filter(**linked_to).select_related("category").order_by("-last_post_at")[:3]
    )
    return RelatedSection(
        title="Sur le forum",
        items=topics,
        item_template="forum/includes/topic_card.html",
        more_url="/forum/",
        more_label="Le forum",
        order=90,
    )


@register("town")
def town_topics(town: Any) -> RelatedSection | None:
    return _recent_public_topics(town=town)


@register("topic")
def subject_topics(subject: Any) -> RelatedSection | None:
    """An axis or theme page lists the recent public topics linked to it."""
    return _recent_public_topics(subject=subject)


def _category_changed(sender: Any, **kwargs: Any) -> None:
    """A category's visibility decides which topics town pages list: editing it is content."""
    if not kwargs.get("raw"):
        bump_content_version()


post_save.connect(_category_changed, sender=Category, dispatch_uid="cdv-forum-category")
post_delete.connect(_category_changed, sender=Category, dispatch_uid="cdv-forum-category-del")
