"""The filters of the case-study listing, read from the URL (`?axe=…&region=…`)."""

import dataclasses
from collections.abc import Mapping
from typing import Any

from django import forms
from django.db import models
from django.db.models import Count, Exists, Func, OuterRef, QuerySet
from taggit.models import Tag
from wagtail.models import Page

from cms.core.compiled import CompiledShape
from cms.core.listing_filters import (
    Choices,
    FilteredListing,
    ListingFilterForm,
    apply_filters,
)
from cms.core.querysets import hidden_paths
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


def _listed(model: type[Page], index_path: str, index_depth: int, hidden: tuple[str, ...]) -> Any:
    """The listing's published case studies, as `CaseStudyIndexPage.case_studies()` reads
    them, from the shape arguments of `listing_shape`."""
    return model._default_manager.published(hidden).listed_under(index_path, index_depth)


def _per_town(
    *, model: type[Page], index_path: str, index_depth: int, hidden: tuple[str, ...]
) -> QuerySet:
    listed = _listed(model, index_path, index_depth, hidden)
    return listed.order_by().values_list("town_id").annotate(count=Count("pk"))


def _towns() -> QuerySet:
    # Plain values, not model instances: three instances per town cost more than the query.
    return Town.objects.values_list(
        "pk",
        "name",
        "slug",
        "department__code",
        "department__name",
        "department__region__code",
        "department__region__name",
    )


def _tags(
    *, model: type[Page], index_path: str, index_depth: int, hidden: tuple[str, ...]
) -> QuerySet:
    listed = _listed(model, index_path, index_depth, hidden)
    # `EXISTS` over the link rows: PostgreSQL reads the published case studies once per
    # tag found rather than joining every link row to them and removing duplicates.
    used = model.tags.through.objects.filter(tag=OuterRef("pk"), content_object__in=listed)
    return Tag.objects.filter(Exists(used)).values_list("slug", "name").order_by("name")


def _narrowed(*values: str, filters: tuple[str, ...], **listing: Any) -> Any:
    """The listing's published case studies matching each filter named in `filters`, with
    its value in `values` (the same order)."""
    return CaseStudyFilterForm.narrow(_listed(**listing), dict(zip(filters, values, strict=True)))


def _cards(*values: str, filters: tuple[str, ...], start: int, stop: int, **listing: Any) -> Any:
    return _narrowed(*values, filters=filters, **listing).newest_first().for_cards()[start:stop]


def _count(*values: str, filters: tuple[str, ...], **listing: Any) -> QuerySet:
    counted = CountAll(output_field=models.IntegerField())
    return (
        _narrowed(*values, filters=filters, **listing)
        .order_by()
        .annotate(n=counted)
        .values_list("n")
    )


class CountAll(Func):
    """`COUNT(*)` as a plain function, not an aggregate, so Django adds no `GROUP BY`: the
    number of rows, asked as `QuerySet.count()` asks it, but in a queryset a compiled shape
    can run."""

    template = "COUNT(*)"


# Every case-study listing asks them, filtered or not: compiled once per process
# (`cms.core.compiled`), for the listing's place in the tree and the view restrictions;
# the page of cards and the filtered count also for the names of the filters applied and
# the page's place (`LIMIT` and `OFFSET` are written into the SQL).
PER_TOWN = CompiledShape(_per_town)
TOWNS = CompiledShape(_towns)
TAGS = CompiledShape(_tags)
CARDS = CompiledShape(_cards)
COUNT = CompiledShape(_count)


def studies_per_town(listing: Mapping[str, Any]) -> dict[int, int]:
    """How many published case studies of the listing each town has (town id → number;
    towns without any are absent): one query over the case studies alone, grouped by town,
    which gives both the towns to offer and the unfiltered listing's count. `listing`: the
    shape arguments of `listing_shape`."""
    return dict(PER_TOWN.rows(**listing))


def filter_choices(listing: Mapping[str, Any], per_town: Mapping[int, int]) -> dict[str, Choices]:
    """The options of each select: what the listing's published case studies actually use
    (their towns: `per_town`, from `studies_per_town`).

    The towns, with their department and region, are read whole (a fixed 245 rows, three
    small tables joined) and kept when they have a case study: cheaper, to compile and to
    run, than asking the database for the towns whose id is in a subquery over the pages."""
    towns = [town for town in TOWNS.rows() if town[0] in per_town]
    departments = {code: f"{name} ({code})" for *_, code, name, _, _ in towns}
    regions = {code: name for *_, code, name in towns}
    return {
        "axe": topic_choices(),
        "region": sorted(regions.items(), key=lambda item: item[1]),
        "departement": sorted(departments.items()),
        "ville": [(slug, name) for _, name, slug, *_ in towns],
        "phase": list(Phase.objects.values_list("key", "name")),
        "tag": list(TAGS.rows(**listing)),
    }


def listing_shape(index: Page, model: type[Page]) -> dict[str, Any]:
    """What the listing's compiled queries depend on: the case-study model, the listing's
    place in the tree, and the view restrictions of the moment."""
    return {
        "model": model,
        "index_path": index.path,
        "index_depth": index.depth,
        "hidden": hidden_paths(),
    }


def filter_case_studies(index: Page, params: Mapping[str, str]) -> FilteredListing:
    """The published case studies of the listing `index` matching every valid filter in
    `params`, with their number (when no filter applies, the sum of the towns': no count
    query) and the compiled query reading a page of their cards."""
    case_studies = index.case_studies()
    listing = listing_shape(index, case_studies.model)
    per_town = studies_per_town(listing)
    filtered = apply_filters(
        case_studies, params, CaseStudyFilterForm, filter_choices(listing, per_town)
    )
    if filtered.conflict:
        return filtered
    filters = tuple(filtered.active)
    values = [str(value) for value in filtered.active.values()]

    def read_cards(start: int, stop: int) -> list[Page]:
        if stop <= start:  # an empty listing's page: no query (Django runs none either)
            return []
        return CARDS.rows(*values, filters=filters, start=start, stop=stop, **listing)

    if filtered.active:
        [(count,)] = COUNT.rows(*values, filters=filters, **listing)
    else:
        count = sum(per_town.values())
    return dataclasses.replace(filtered, count=count, read_cards=read_cards)
