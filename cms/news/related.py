"""The « Actualités » sections of topic and town pages."""

from urllib.parse import urlencode

from cms.core.related import RelatedSection, register
from cms.programme.models import Topic
from cms.territories.models import Town

from . import queries
from .filters import TOPIC_PARAM

RELATED_LIMIT = 3
# A town page has no filtered news listing to link to: it shows a few more items instead.
TOWN_LIMIT = 6
CARD_TEMPLATE = "news/includes/dated_card.html"


@register("topic")
def news_about_topic(topic: Topic) -> RelatedSection | None:
    items = list(queries.news_for_topic(topic.pk, RELATED_LIMIT))
    if not items:
        return None
    index_url = queries.news_index_url()
    return RelatedSection(
        "Actualités",
        items,
        more_url=f"{index_url}?{urlencode({TOPIC_PARAM: topic.slug})}" if index_url else None,
        more_label="Toutes les actualités de cet axe"
        if topic.kind == Topic.Kind.AXIS
        else "Toutes les actualités de ce thème",
        item_template=CARD_TEMPLATE,
        order=80,
    )


@register("town")
def news_about_town(town: Town) -> RelatedSection | None:
    items = list(queries.news_for_town(town.pk, TOWN_LIMIT))
    if not items:
        return None
    return RelatedSection("Actualités", items, item_template=CARD_TEMPLATE, order=80)
