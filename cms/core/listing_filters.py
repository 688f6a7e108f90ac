"""Listing filters read from the URL (`?axe=…&tag=…`), shared by the filterable listings.

Every filter is an optional select whose options come from the data; a value that is not
one of them (a typo, a stale link) is dropped and reported to the reader, never an error.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from django import forms
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from cms.core.fragments import lazy
from cms.core.widgets import FastSelect
from cms.programme.models import Topic

Choices = list[tuple[Any, Any]]


class SelectFilterForm(forms.Form):
    """Optional selects; subclasses declare the fields and the label of each empty option."""

    EMPTY_LABELS: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, choices: Mapping[str, Choices], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "filtre-%s")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget = FastSelect(attrs={"class": "fr-select"})
            field.choices = [("", self.EMPTY_LABELS[name]), *choices[name]]


@dataclass(frozen=True)
class FilteredListing:
    queryset: QuerySet
    form: SelectFilterForm
    active: dict[str, str]
    ignored: list[str]


def topic_choices() -> Choices:
    """The axes and the transversal themes, as two groups of options."""
    topics = list(Topic.objects.all())
    return [
        ("Axes", [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.AXIS]),
        (
            "Thèmes transversaux",
            [(t.slug, t.short_title) for t in topics if t.kind == Topic.Kind.THEME],
        ),
    ]


def apply_filters(
    queryset: QuerySet,
    params: Mapping[str, str],
    form_class: type[SelectFilterForm],
    lookups: Mapping[str, str],
    choices: Mapping[str, Choices],
) -> FilteredListing:
    """`queryset` narrowed by every valid filter in `params` (URL parameter → lookup)."""
    submitted = form_class({name: params.get(name, "") for name in lookups}, choices=choices)
    submitted.is_valid()
    active = {name: value for name, value in submitted.cleaned_data.items() if value}
    ignored = [str(submitted.fields[name].label) for name in submitted.errors]
    condition = Q(**{lookups[name]: value for name, value in active.items()})
    return FilteredListing(
        queryset=queryset.filter(condition),
        form=form_class(initial=active, choices=choices),
        active=active,
        ignored=ignored,
    )


def listing_context(
    index: Any, request: HttpRequest, filter_listing: Callable[[], FilteredListing]
) -> dict[str, Any]:
    """The context of a filterable index page, newest items first, computed lazily so that
    a cached listing runs none of its queries."""
    listing = lazy(filter_listing)
    page_obj = lazy(lambda: index.paginate(request, listing.queryset.newest_first().for_cards()))
    return {
        "filter_form": lazy(lambda: listing.form),
        "ignored_filters": lazy(lambda: listing.ignored),
        "is_filtered": lazy(lambda: bool(listing.active)),
        "page_obj": page_obj,
        "items": lazy(lambda: page_obj.object_list),
    }
