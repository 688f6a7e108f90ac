import datetime

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils.functional import cached_property

from cms.core.models import TaggedTopicsMixin

from .models import Topic


def latest_publication_by_topic() -> dict[int, datetime.datetime]:
    """When each topic's page last changed: the latest publication among the live pages
    tagged with it, whatever their type (one query per tagged page type)."""
    latest: dict[int, datetime.datetime] = {}
    for model in apps.get_models():
        if not issubclass(model, TaggedTopicsMixin):
            continue
        field = model._meta.get_field("topics")
        page, topic = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = (
            field.remote_field.through.objects.filter(**{f"{page}__live": True})
            .values(topic)
            .annotate(published=Max(f"{page}__last_published_at"))
        )
        for row in rows:
            if row["published"] and (
                row[topic] not in latest or row["published"] > latest[row[topic]]
            ):
                latest[row[topic]] = row["published"]
    return latest


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    @cached_property
    def _latest(self) -> dict[int, datetime.datetime]:
        return latest_publication_by_topic()

    def items(self) -> list[Topic]:
        return list(Topic.objects.only("slug", "kind", "number"))

    def lastmod(self, topic: Topic) -> datetime.datetime | None:
        return self._latest.get(topic.pk)

    def priority(self, topic: Topic) -> float:
        return 0.8 if topic.kind == Topic.Kind.AXIS else 0.7
