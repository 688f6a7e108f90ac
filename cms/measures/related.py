"""The « Dispositifs » section of topic pages."""

from cms.core.related import RelatedSection, register
from cms.programme.models import Topic

from .models import MeasurePage

RELATED_LIMIT = 3


@register("topic")
def measures_about_topic(topic: Topic) -> RelatedSection | None:
    items = list(
        MeasurePage.objects.published().about(topic).order_by("path").for_cards()[:RELATED_LIMIT]
    )
    if not items:
        return None
    return RelatedSection(
        "Dispositifs", items, item_template="measures/includes/measure_card.html", order=90
    )
