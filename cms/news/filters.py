"""The news listing's filters, read from the URL (`?axe=…&annee=…`).

Values that are not an existing topic or a year with news are ignored, and the reader is
told so in French rather than shown an error (see `cms.core.listing_filters`).
"""

from collections.abc import Mapping

from django import forms
from django.db.models import QuerySet

from cms.core.listing_filters import Choices, FilteredListing, ListingFilterForm, apply_filters
from cms.programme.filters import topic_choices

TOPIC_PARAM = "axe"
YEAR_PARAM = "annee"


class NewsFilterForm(ListingFilterForm):
    axe = forms.ChoiceField(label="Axe ou thème", required=False)
    annee = forms.ChoiceField(label="Année", required=False)

    LOOKUPS = {TOPIC_PARAM: "topics__slug", YEAR_PARAM: "published_on__year"}
    EMPTY_LABELS = {TOPIC_PARAM: "Tous les axes et thèmes", YEAR_PARAM: "Toutes les années"}


def filter_choices(news: QuerySet) -> dict[str, Choices]:
    """Every axis and theme; the years in which news was published."""
    years = news.order_by().dates("published_on", "year", order="DESC")
    return {
        TOPIC_PARAM: topic_choices(),
        YEAR_PARAM: [(str(day.year), str(day.year)) for day in years],
    }


def filter_news(news: QuerySet, params: Mapping[str, str]) -> FilteredListing:
    """The news items matching every valid filter in `params`."""
    return apply_filters(news, params, NewsFilterForm, filter_choices(news))
