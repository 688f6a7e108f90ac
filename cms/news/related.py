"""The « Actualités » sections of topic and town pages."""

from cms.core.querysets import newest_cards
from cms.core.related import RelatedSection, register
from cms.programme.models import Topic
from cms.territories.models import Town

from .filters import TOPIC_PARAM
from .models import NewsIndexPage, NewsPage

RELATED_LIMIT = 3
# A town page has no filtered news listing to link to: it shows a few more items instead.
TOWN_LIMIT = 6
CARD_TEMPLATE = "news/includes/dated_card.html"


@register("topic")
def news_about_topic(topic: Topic) -> RelatedSection | None:
    items = newest_cards(NewsPage, "about", topic.pk, RELATED_LIMIT)
    if not items:
        return None
    return RelatedSection(
        "Actualités",
        items,
        more_url=NewsIndexPage.published_url(**{TOPIC_PARAM: topic.slug}),
        more_label="Toutes les actualités de cet axe"
        if topic.kind == Topic.Kind.AXIS
        else "Toutes les actualités de ce thème",
        item_template=CARD_TEMPLATE,
        order=80,
    )


@register("town")
def news_about_town(town: Town) -> RelatedSection | None:
    items = newest_cards(NewsPage, "in_town", town.pk, TOWN_LIMIT)
    if not items:
        return None
    return RelatedSection("Actualités", items, item_template=CARD_TEMPLATE, order=80)
