"""The « Retours d’expérience » section of town and topic pages."""

from cms.core.querysets import newest_cards
from cms.core.related import RelatedSection, register
from cms.programme.models import Topic
from cms.territories.models import Town

from .models import CaseStudyIndexPage, CaseStudyPage

SECTION_TITLE = "Retours d’expérience"
SECTION_SIZE = 6
ITEM_TEMPLATE = "casestudies/includes/case_study_card.html"


@register("town")
def town_case_studies(town: Town) -> RelatedSection | None:
    items = newest_cards(CaseStudyPage, "in_town", town.pk, SECTION_SIZE)
    if not items:
        return None
    return RelatedSection(
        SECTION_TITLE,
        items,
        more_url=CaseStudyIndexPage.published_url(ville=town.slug),
        item_template=ITEM_TEMPLATE,
        order=30,
    )


@register("topic")
def topic_case_studies(topic: Topic) -> RelatedSection | None:
    items = newest_cards(CaseStudyPage, "about", topic.pk, SECTION_SIZE)
    if not items:
        return None
    return RelatedSection(
        SECTION_TITLE,
        items,
        more_url=CaseStudyIndexPage.published_url(axe=topic.slug),
        item_template=ITEM_TEMPLATE,
        order=30,
    )
