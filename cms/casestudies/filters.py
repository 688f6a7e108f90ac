"""The filters of the case-study listing, read from the URL (`?axe=…&region=…`)."""

import dataclasses
from collections.abc import Mapping

from django import forms
from django.db.models import Count, QuerySet
from taggit.models import Tag

from cms.core.listing_filters import (
    Choices,
    FilteredListing,
    ListingFilterForm,
    apply_filters,
)
from cms.programme.filters import topic_choices
from cms.programme.models import Phase
from cms.territories.models import Town


class CaseStudyFilterForm(ListingFilterForm):
    axe = forms.ChoiceField(label="Axe ou thème", required=False)
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)
    ville = forms.ChoiceField(label="Ville", required=False)
    phase = forms.ChoiceField(label="Phase", required=False)
    tag = forms.ChoiceField(label="Mot-clé", required=False)

    # URL parameter → the lookup it filters on.
    LOOKUPS = {
        "axe": "topics__slug",
        "region": "town__department__region__code",
        "departement": "town__department__code",
        "ville": "town__slug",
        "phase": "phase__key",
        "tag": "tags__slug",
    }
    EMPTY_LABELS = {
        "axe": "Tous les axes et thèmes",
        "region": "Toutes les régions",
        "departement": "Tous les départements",
        "ville": "Toutes les villes",
        "phase": "Toutes les phases",
        "tag": "Tous les mots-clés",
    }


def studies_per_town(case_studies: QuerySet) -> dict[int, int]:
    """How many of `case_studies` each town has (town id → number; towns without any are
    absent): one query over the case studies alone, grouped by town, which gives both the
    towns to offer and the unfiltered listing's count."""
    return dict(case_studies.order_by().values_list("town_id").annotate(count=Count("pk")))


def filter_choices(case_studies: QuerySet, per_town: Mapping[int, int]) -> dict[str, Choices]:
    """The options of each select: what the published case studies actually use (their
    towns: `per_town`, from `studies_per_town`).

    The towns, with their department and region, are read whole (a fixed 245 rows, three
    small tables joined) and kept when they have a case study: cheaper, to compile and to
    run, than asking the database for the towns whose id is in a subquery over the pages."""
    # Plain values, not model instances: three instances per town cost more than the query.
    towns = [
        town
        for town in Town.objects.values_list(
            "pk",
            "name",
            "slug",
            "department__code",
            "department__name",
            "department__region__code",
            "department__region__name",
        )
        if town[0] in per_town
    ]
    departments = {code: f"{name} ({code})" for *_, code, name, _, _ in towns}
    regions = {code: name for *_, code, name in towns}
    tags = (
        Tag.objects.filter(casestudies_casestudytag_items__content_object__in=case_studies)
        .values_list("slug", "name")
        .distinct()
        .order_by("name")
    )
    return {
        "axe": topic_choices(),
        "region": sorted(regions.items(), key=lambda item: item[1]),
        "departement": sorted(departments.items()),
        "ville": [(slug, name) for _, name, slug, *_ in towns],
        "phase": list(Phase.objects.values_list("key", "name")),
        "tag": list(tags),
    }


def filter_case_studies(case_studies: QuerySet, params: Mapping[str, str]) -> FilteredListing:
    """The case studies matching every valid filter in `params`; when none applies, with
    their number, known from the towns' (no count query)."""
    per_town = studies_per_town(case_studies)
    listing = apply_filters(
        case_studies, params, CaseStudyFilterForm, filter_choices(case_studies, per_town)
    )
    if listing.active or listing.conflict:
        return listing
    return dataclasses.replace(listing, count=sum(per_town.values()))
