"""The filters of a resource listing, read from the URL (`?type=…&axe=…&tag=…&annee=…`).

Every filter is a select; a value that is not one of its options (a typo, a stale link) is
dropped and reported to the reader, never an error.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q
from taggit.models import Tag

from cms.programme.models import Topic

from .resource_types import ResourceType

if TYPE_CHECKING:
    from .models import ResourcePageQuerySet

Choices = list[tuple[Any, Any]]

# URL parameter → the lookup it filters the resources on.
LOOKUPS = {
    "type": "resource_type",
    "axe": "topics__slug",
    "tag": "tags__slug",
    "annee": "published_on__year",
}


class ResourceFilterForm(forms.Form):
    type = forms.ChoiceField(label="Type de ressource", required=False)
    axe = forms.ChoiceField(label="Axe ou thème", required=False)
    tag = forms.ChoiceField(label="Mot-clé", required=False)
    annee = forms.ChoiceField(label="Année de publication", required=False)

    EMPTY_LABELS = {
        "type": "Tous les types",
        "axe": "Tous les axes et thèmes",
        "tag": "Tous les mots-clés",
        "annee": "Toutes les années",
    }

    def __init__(self, *args: Any, choices: Mapping[str, Choices], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "filtre-%s")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.choices = [("", self.EMPTY_LABELS[name]), *choices[name]]
            field.widget.attrs["class"] = "fr-select"


@dataclass(frozen=True)
class FilteredListing:
    queryset: "ResourcePageQuerySet"
    form: ResourceFilterForm
    active: dict[str, str]
    ignored: list[str]


def filter_choices(resources: "ResourcePageQuerySet") -> dict[str, Choices]:
    """The options of each select: every type, axis and theme; the tags and years in use."""
    topics = list(Topic.objects.all())
    tags = (
        Tag.objects.filter(resources_resourcepagetag_items__content_object__in=resources)
        .values_list("slug", "name").distinct().order_by("name")
    )
    years = resources.order_by().dates("published_on", "year", order="DESC")
    return {
        "type": list(ResourceType.choices),
        "axe": [
            ("Axes", [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.AXIS]),
            ("Thèmes transversaux",
             [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.THEME]),
        ],
        "tag": list(tags),
        "annee": [(str(day.year), str(day.year)) for day in years],
    }


def filter_resources(
    resources: "ResourcePageQuerySet", params: Mapping[str, str],
) -> FilteredListing:
    """The resources matching every valid filter in `params`, newest first."""
    choices = filter_choices(resources)
    submitted = ResourceFilterForm({name: params.get(name, "") for name in LOOKUPS},
                                   choices=choices)
    submitted.is_valid()
    active = {name: value for name, value in submitted.cleaned_data.items() if value}
    ignored = [str(submitted.fields[name].label) for name in submitted.errors]
    condition = Q(**{LOOKUPS[name]: value for name, value in active.items()})
    return FilteredListing(
        queryset=resources.filter(condition).newest_first(),
        form=ResourceFilterForm(initial=active, choices=choices),
        active=active,
        ignored=ignored,
    )
