"""The filters of the case-study listing, read from the URL (`?axe=…&region=…`).

Every filter is a select whose options come from the database; a value that is not one of
them (a typo, a stale link) is dropped and reported, never an error.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from taggit.models import Tag

from cms.programme.models import Phase, Topic
from cms.territories.models import Town

Choices = list[tuple[Any, Any]]

# URL parameter → the lookup it filters the case studies on.
LOOKUPS = {
    "axe": "topics__slug",
    "region": "town__department__region__code",
    "departement": "town__department__code",
    "ville": "town__slug",
    "phase": "phase__key",
    "tag": "tags__slug",
}


class CaseStudyFilterForm(forms.Form):
    axe = forms.ChoiceField(label="Axe ou thème", required=False)
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)
    ville = forms.ChoiceField(label="Ville", required=False)
    phase = forms.ChoiceField(label="Phase", required=False)
    tag = forms.ChoiceField(label="Mot-clé", required=False)

    EMPTY_LABELS = {
        "axe": "Tous les axes et thèmes",
        "region": "Toutes les régions",
        "departement": "Tous les départements",
        "ville": "Toutes les villes",
        "phase": "Toutes les phases",
        "tag": "Tous les mots-clés",
    }

    def __init__(self, *args: Any, choices: Mapping[str, Choices], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "filtre-%s")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.choices = [("", self.EMPTY_LABELS[name]), *choices[name]]
            field.widget.attrs["class"] = "fr-select"


@dataclass(frozen=True)
class FilteredListing:
    queryset: QuerySet
    form: CaseStudyFilterForm
    active: dict[str, str]
    ignored: list[str]


def filter_choices(case_studies: QuerySet) -> dict[str, Choices]:
    """The options of each select: what the published case studies actually use."""
    towns = list(
        Town.objects.with_geography()
        .filter(pk__in=case_studies.values("town_id"))
        .only("name", "slug", "department__code", "department__name",
              "department__region__code", "department__region__name")
    )
    departments = {town.department.code: str(town.department) for town in towns}
    regions = {town.region.code: town.region.name for town in towns}
    topics = list(Topic.objects.all())
    tags = (
        Tag.objects.filter(casestudies_casestudytag_items__content_object__in=case_studies)
        .values_list("slug", "name").distinct().order_by("name")
    )
    return {
        "axe": [
            ("Axes", [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.AXIS]),
            ("Thèmes transversaux",
             [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.THEME]),
        ],
        "region": sorted(regions.items(), key=lambda item: item[1]),
        "departement": sorted(departments.items()),
        "ville": [(town.slug, town.name) for town in towns],
        "phase": list(Phase.objects.values_list("key", "name")),
        "tag": list(tags),
    }


def filter_case_studies(case_studies: QuerySet, params: Mapping[str, str]) -> FilteredListing:
    """The case studies matching every valid filter in `params`, newest first."""
    choices = filter_choices(case_studies)
    submitted = CaseStudyFilterForm({name: params.get(name, "") for name in LOOKUPS},
                                    choices=choices)
    submitted.is_valid()
    active = {name: value for name, value in submitted.cleaned_data.items() if value}
    ignored = [str(submitted.fields[name].label) for name in submitted.errors]
    condition = Q(**{LOOKUPS[name]: value for name, value in active.items()})
    return FilteredListing(
        queryset=case_studies.filter(condition).order_by("-published_on", "-pk"),
        form=CaseStudyFilterForm(initial=active, choices=choices),
        active=active,
        ignored=ignored,
    )
