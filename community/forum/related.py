"""A town page shows its recent public forum topics (what anonymous readers may read: the
page is cached for everyone alike)."""

from typing import Any

from cms.core.related import RelatedSection, register
from community.visibility import public_topics


@register("town")
def town_topics(town: Any) -> RelatedSection | None:
    topics = list(
        public_topics().filter(town=town).select_related("category").order_by("-last_post_at")[:3]
    )
    return RelatedSection(
        title="Sur le forum",
        items=topics,
        item_template="forum/includes/topic_card.html",
        more_url="/forum/",
        more_label="Le forum",
        order=90,
    )
