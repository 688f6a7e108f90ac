"""The filters of the town list (`?q=…&region=…&departement=…`), in the listings' idiom
(`cms.core.listing_filters`).

Unknown values never fail: they are dropped and reported in a French notice, so a stale or
hand-edited URL still shows towns and tells the visitor why a filter was ignored. A
department outside the chosen region is explained rather than answered with nothing.
"""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from cms.core.listing_filters import Choices, FilteredListing, ListingFilterForm, apply_filters

from .models import Region, Town, TownQuerySet

MAX_QUERY_LENGTH = 100


class DepartmentChoiceField(forms.ChoiceField):
    """Department codes are upper case (« 2A »); a lower-case link still works."""

    def to_python(self, value: Any) -> str:
        return super().to_python(value).strip().upper()


def _matching(towns: TownQuerySet, query: str) -> TownQuerySet:
    return towns.matching(query)


class TownFilterForm(ListingFilterForm):
    q = forms.CharField(
        label="Nom de la ville",
        required=False,
        help_text="Majuscules, accents et tirets sont sans importance.",
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"}),
    )
    region = forms.ChoiceField(label="Région", required=False)
    departement = DepartmentChoiceField(label="Département", required=False)

    LOOKUPS = {
        "q": _matching,
        "region": "department__region__code",
        "departement": "department__code",
    }
    EMPTY_LABELS = {"region": "Toutes les régions", "departement": "Tous les départements"}

    def clean_q(self) -> str:
        return self.cleaned_data["q"].strip()[:MAX_QUERY_LENGTH]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        region, department = cleaned.get("region"), cleaned.get("departement")
        if region and department:
            regions = dict(self.fields["region"].choices)
            for region_name, departments in self.fields["departement"].choices:
                labels = dict(departments) if isinstance(departments, list | tuple) else {}
                if department in labels and region_name != regions[region]:
                    raise ValidationError(
                        f"Le département {labels[department]} ne fait pas partie de la région "
                        f"{regions[region]} : aucune ville ne peut correspondre aux deux. "
                        "Choisissez un département de cette région, ou retirez l’un des deux "
                        "filtres."
                    )
        return cleaned


def filter_choices(regions: list[Region]) -> dict[str, Choices]:
    """`regions` come with their departments prefetched; no query is made here."""
    return {
        "region": [(region.code, region.name) for region in regions],
        "departement": [
            (
                region.name,
                [(dep.code, f"{dep.name} ({dep.code})") for dep in region.departments.all()],
            )
            for region in regions
        ],
    }


def filter_towns(
    towns: QuerySet[Town], params: Mapping[str, str], regions: list[Region]
) -> FilteredListing:
    return apply_filters(towns, params, TownFilterForm, filter_choices(regions))
