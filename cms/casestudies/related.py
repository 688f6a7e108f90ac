"""The « Retours d’expérience » section of town and topic pages."""

from cms.core.related import RelatedSection, register
from cms.programme.models import Topic
from cms.territories.models import Town

from .models import CaseStudyIndexPage, CaseStudyPage

SECTION_TITLE = "Retours d’expérience"
SECTION_SIZE = 6
ITEM_TEMPLATE = "casestudies/includes/case_study_card.html"


@register("town")
def town_case_studies(town: Town) -> RelatedSection | None:
    items = list(
        CaseStudyPage.objects.published().in_town(town).newest_first().for_cards()[:SECTION_SIZE]
    )
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
    items = list(
        CaseStudyPage.objects.published().about(topic).newest_first().for_cards()[:SECTION_SIZE]
    )
    if not items:
        return None
    return RelatedSection(
        SECTION_TITLE,
        items,
        more_url=CaseStudyIndexPage.published_url(axe=topic.slug),
        item_template=ITEM_TEMPLATE,
        order=30,
    )
