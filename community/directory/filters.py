"""The directory's listing filters (`?q=…&role=…&region=…&departement=…&ville=…&axe=…
&organisme=…`), in the listings' idiom (`cms.core.listing_filters`)."""

from typing import Any

from django import forms
from django.db.models import Q, QuerySet

from cms.core.listing_filters import Choices, FilteredListing, ListingFilterForm, apply_filters
from cms.programme.filters import topic_choices
from cms.territories.models import Department, Region, Town

from .models import DirectoryEntry, GovernanceRole

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8


def _covering(*lookups: str) -> Any:
    """An entry covers a place directly, or through a wider area that contains it."""

    def narrow(queryset: QuerySet, value: str) -> QuerySet:
        condition = Q()
        for lookup in lookups:
            condition |= Q(**{lookup: value})
        return queryset.filter(pk__in=DirectoryEntry.objects.filter(condition).values("pk"))

    return narrow


def _matching(queryset: QuerySet, query: str) -> QuerySet:
    for word in query.split()[:MAX_WORDS]:
        matches = DirectoryEntry.objects.filter(
            Q(last_name__icontains=word)
            | Q(first_name__icontains=word)
            | Q(organisation__icontains=word)
            | Q(job_title__icontains=word)
            | Q(towns__name__icontains=word)
        )
        queryset = queryset.filter(pk__in=matches.values("pk"))
    return queryset


class DirectoryFilterForm(ListingFilterForm):
    q = forms.CharField(
        label="Nom, organisme ou ville",
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"}),
    )
    role = forms.ChoiceField(label="Rôle", required=False)
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)
    ville = forms.ChoiceField(label="Ville", required=False)
    axe = forms.ChoiceField(label="Axe ou thème", required=False)
    organisme = forms.ChoiceField(label="Organisme", required=False)

    LOOKUPS = {
        "q": _matching,
        "role": "role",
        "region": _covering(
            "regions__code", "departments__region__code", "towns__department__region__code"
        ),
        "departement": _covering("departments__code", "towns__department__code"),
        "ville": _covering("towns__slug"),
        "axe": _covering("topics__slug"),
        "organisme": "organisation",
    }
    EMPTY_LABELS = {
        "role": "Tous les rôles",
        "region": "Toutes les régions",
        "departement": "Tous les départements",
        "ville": "Toutes les villes",
        "axe": "Tous les axes et thèmes",
        "organisme": "Tous les organismes",
    }

    def clean_q(self) -> str:
        return self.cleaned_data["q"].replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


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


def filter_entries(queryset: QuerySet, params: Any) -> FilteredListing:
    return apply_filters(queryset, params, DirectoryFilterForm, filter_choices())
