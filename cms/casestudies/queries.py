"""What other parts of the portal ask about case studies (town and topic pages, newsletter)."""

from urllib.parse import urlencode

from django.db.models import QuerySet

from cms.programme.models import Topic
from cms.territories.models import Town

from .models import CaseStudyIndexPage, CaseStudyPage


def published() -> QuerySet[CaseStudyPage]:
    return CaseStudyPage.objects.live().public()


def case_studies_for_town(town: Town) -> QuerySet[CaseStudyPage]:
    """The town's published case studies, newest first, ready for cards."""
    return published().filter(town=town).newest_first().for_cards()


def case_studies_for_topic(topic: Topic, limit: int) -> list[CaseStudyPage]:
    """The latest published case studies tagged with this axis or theme, ready for cards."""
    return list(published().filter(topics=topic).newest_first().for_cards()[:limit])


def listing_url(**params: str) -> str | None:
    """The listing's URL, filtered by `params`; None while no listing is published."""
    index = CaseStudyIndexPage.objects.live().public().first()
    if index is None:
        return None
    url = index.get_url()
    if not url:
        return None
    return f"{url}?{urlencode(params)}" if params else url
