"""Measures listed elsewhere on the portal (topic pages); flat in query count."""

from django.db.models import QuerySet

from cms.core.cards import with_card_images


def measures_for_topic(topic_id: int, limit: int) -> QuerySet:
    from .models import MeasurePage

    measures = MeasurePage.objects.live().public().filter(topics=topic_id).order_by("path")
    return with_card_images(measures)[:limit]
