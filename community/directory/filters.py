"""The directory's listing filters, read from the URL: a search box and six selects."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from django import forms
from django.db.models import Q, QuerySet

from cms.core.listing_filters import Choices, SelectFilterForm, topic_choices
from cms.territories.models import Department, Region, Town

from .models import DirectoryEntry, GovernanceRole

MAX_QUERY_LENGTH = 100


class DirectoryFilterForm(SelectFilterForm):
    EMPTY_LABELS: ClassVar[dict[str, str]] = {
        "role": "Tous les rôles",
        "region": "Toutes les régions",
        "departement": "Tous les départements",
        "ville": "Toutes les villes",
        "axe": "Tous les axes et thèmes",
        "organisme": "Tous les organismes",
    }

    role = forms.ChoiceField(label="Rôle", required=False)
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)
    ville = forms.ChoiceField(label="Ville", required=False)
    axe = forms.ChoiceField(label="Axe ou thème", required=False)
    organisme = forms.ChoiceField(label="Organisme", required=False)


def filter_choices() -> dict[str, Choices]:
    return {
        "role": list(GovernanceRole.choices),
        "region": [(r.code, r.name) for r in Region.objects.order_by("name")],
        "departement": [
            (d.code, f"{d.code} – {d.name}") for d in Department.objects.order_by("code")
        ],
        "ville": [(t.slug, t.name) for t in Town.objects.order_by("name").only("slug", "name")],
        "axe": topic_choices(),
        "organisme": [
            (name, name)
            for name in DirectoryEntry.objects.order_by("organisation")
            .values_list("organisation", flat=True)
            .distinct()
        ],
    }


# An entry covers a place directly, or through a wider area that contains it.
LOOKUPS: dict[str, list[str]] = {
    "role": ["role"],
    "region": ["regions__code", "departments__region__code", "towns__department__region__code"],
    "departement": ["departments__code", "towns__department__code"],
    "ville": ["towns__slug"],
    "axe": ["topics__slug"],
    "organisme": ["organisation"],
}


@dataclass(frozen=True)
class DirectoryListing:
    queryset: QuerySet
    form: DirectoryFilterForm
    query: str
    active: dict[str, str]
    ignored: list[str]


def clean_query(raw: str) -> str:
    return raw.replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


def filter_entries(queryset: QuerySet, params: Mapping[str, str]) -> DirectoryListing:
    choices = filter_choices()
    submitted = DirectoryFilterForm(
        {name: params.get(name, "") for name in LOOKUPS}, choices=choices
    )
    submitted.is_valid()
    active = {name: value for name, value in submitted.cleaned_data.items() if value}
    ignored = [str(submitted.fields[name].label) for name in submitted.errors]
    for name, value in active.items():
        condition = Q()
        for lookup in LOOKUPS[name]:
            condition |= Q(**{lookup: value})
        queryset = queryset.filter(pk__in=DirectoryEntry.objects.filter(condition).values("pk"))
    query = clean_query(params.get("q", ""))
    if query:
        words = query.split()
        for word in words[:8]:
            queryset = queryset.filter(
                Q(last_name__icontains=word)
                | Q(first_name__icontains=word)
                | Q(organisation__icontains=word)
                | Q(job_title__icontains=word)
                | Q(towns__name__icontains=word)
            ).distinct()
    return DirectoryListing(
        queryset=queryset,
        form=DirectoryFilterForm(initial=active, choices=choices),
        query=query,
        active=active,
        ignored=ignored,
    )
