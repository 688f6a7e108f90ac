"""The filters of a resource listing, read from the URL (`?type=…&axe=…&tag=…&annee=…`)."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django import forms
from taggit.models import Tag

from cms.core.listing_filters import (
    Choices,
    FilteredListing,
    ListingFilterForm,
    apply_filters,
)
from cms.programme.filters import topic_choices

from .resource_types import ResourceType

if TYPE_CHECKING:
    from .models import ResourcePageQuerySet


class ResourceFilterForm(ListingFilterForm):
    type = forms.ChoiceField(label="Type de ressource", required=False)
    axe = forms.ChoiceField(label="Axe ou thème", required=False)
    tag = forms.ChoiceField(label="Mot-clé", required=False)
    annee = forms.ChoiceField(label="Année de publication", required=False)

    # URL parameter → the lookup it filters on.
    LOOKUPS = {
        "type": "resource_type",
        "axe": "topics__slug",
        "tag": "tags__slug",
        "annee": "published_on__year",
    }
    EMPTY_LABELS = {
        "type": "Tous les types",
        "axe": "Tous les axes et thèmes",
        "tag": "Tous les mots-clés",
        "annee": "Toutes les années",
    }


def filter_choices(resources: "ResourcePageQuerySet") -> dict[str, Choices]:
    """The options of each select: every type, axis and theme; the tags and years in use."""
    tags = (
        Tag.objects.filter(resources_resourcepagetag_items__content_object__in=resources)
        .values_list("slug", "name")
        .distinct()
        .order_by("name")
    )
    years = resources.order_by().dates("published_on", "year", order="DESC")
    return {
        "type": list(ResourceType.choices),
        "axe": topic_choices(),
        "tag": list(tags),
        "annee": [(str(day.year), str(day.year)) for day in years],
    }


def filter_resources(
    resources: "ResourcePageQuerySet",
    params: Mapping[str, str],
) -> FilteredListing:
    """The resources matching every valid filter in `params`."""
    return apply_filters(resources, params, ResourceFilterForm, filter_choices(resources))
