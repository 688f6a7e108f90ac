"""The guides and resources an axis or theme page lists (see `cms.core.related`)."""

from cms.core.querysets import newest_cards
from cms.core.related import RelatedSection, register
from cms.programme.models import Topic

from .models import ResourcePage

TOPIC_SECTION_SIZE = 3


@register("topic")
def resources_section(topic: Topic) -> RelatedSection | None:
    items = newest_cards(ResourcePage, "about", topic.pk, TOPIC_SECTION_SIZE)
    if not items:
        return None
    return RelatedSection(
        "Guides et ressources",
        items,
        more_url=f"/ressources/?axe={topic.slug}",
        more_label="Toutes les ressources sur ce sujet",
        item_template="resources/includes/resource_card.html",
        order=20,
    )
