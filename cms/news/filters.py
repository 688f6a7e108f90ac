"""The news listing's filters, read from the URL.

Values that do not match an existing topic or a year with news are ignored, and the reader
is told so in French rather than shown an error.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict

from cms.programme.models import Topic

TOPIC_PARAM = "axe"
YEAR_PARAM = "annee"


@dataclass(frozen=True)
class NewsFilters:
    topic: Topic | None = None
    year: int | None = None
    notices: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.topic or self.year)

    def apply(self, queryset: QuerySet) -> QuerySet:
        if self.topic:
            queryset = queryset.filter(topics=self.topic)
        if self.year:
            queryset = queryset.filter(published_on__year=self.year)
        return queryset


def read_news_filters(
    params: QueryDict, topics: Sequence[Topic], years: Sequence[int]
) -> NewsFilters:
    """The filters asked for in `params`, keeping only values among `topics` and `years`."""
    notices = []
    topic = None
    if slug := params.get(TOPIC_PARAM, "").strip():
        topic = next((candidate for candidate in topics if candidate.slug == slug), None)
        if topic is None:
            notices.append("L’axe ou le thème demandé n’existe pas : ce filtre a été ignoré.")
    year = None
    if raw_year := params.get(YEAR_PARAM, "").strip():
        # isdigit() alone accepts "²", which int() refuses.
        if raw_year.isascii() and raw_year.isdigit() and int(raw_year) in years:
            year = int(raw_year)
        else:
            notices.append(
                "Aucune actualité n’est publiée pour l’année demandée : ce filtre a été ignoré."
            )
    return NewsFilters(topic=topic, year=year, notices=tuple(notices))
