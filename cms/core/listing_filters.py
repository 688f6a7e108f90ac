"""Listing filters read from the URL (`?axe=…&annee=…`): one idiom for every listing
(resources, case studies, news, towns; next the directory and the forum).

A listing declares a `ListingFilterForm` subclass: its fields (selects whose options come
from the data, or a text search), the lookup each one filters on, and optionally a
`clean()` that rejects a combination no item can match. A value that is not one of the
options (a typo, a stale link, `?annee=²`) is dropped and reported to the reader in French,
never an error. The markup is the shared include `core/includes/listing_filters.html`.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q, QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest
from django.utils.choices import BaseChoiceIterator

from cms.core.fragments import lazy
from cms.core.widgets import FastSelect

Choices = list[tuple[Any, Any]]


class ReadyChoices(BaseChoiceIterator):
    """Options already in Django's normalised shape (`(value, label)` pairs and `(group,
    [pairs])`): Django then keeps them as they are. A field and its widget each normalise a
    plain list again, option by option, for every form built: the case-study filters' 400
    options cost more than rendering them."""

    def __init__(self, choices: Choices) -> None:
        self.choices = choices

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        return iter(self.choices)


# A lookup is a field path (`topics__slug`) or a function narrowing the queryset.
Lookup = str | Callable[[QuerySet, Any], QuerySet]


class ListingFilterForm(forms.Form):
    """Optional filters; subclasses declare the fields, `LOOKUPS` (field → lookup) and the
    label of each select's empty option (`EMPTY_LABELS`)."""

    LOOKUPS: ClassVar[dict[str, Lookup]] = {}
    EMPTY_LABELS: ClassVar[dict[str, str]] = {}

    def __init__(
        self, *args: Any, choices: Mapping[str, Choices] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("auto_id", "filtre-%s")
        super().__init__(*args, **kwargs)
        for name, form_field in self.fields.items():
            if isinstance(form_field, forms.ChoiceField):
                if type(form_field.widget) is forms.Select:
                    # Django's select renders a template per option (see cms.core.widgets).
                    form_field.widget = FastSelect(attrs=form_field.widget.attrs)
                    form_field.widget.is_required = form_field.required
                form_field.choices = ReadyChoices(
                    [("", self.EMPTY_LABELS[name]), *(choices or {})[name]]
                )
                form_field.widget.attrs["class"] = "fr-select"
            else:
                form_field.widget.attrs["class"] = "fr-input"

    @classmethod
    def narrow(cls, queryset: QuerySet, active: Mapping[str, Any]) -> QuerySet:
        """`queryset` narrowed by the valid filters `active` (field → value)."""
        condition = Q()
        for name, value in active.items():
            lookup = cls.LOOKUPS[name]
            if callable(lookup):
                queryset = lookup(queryset, value)
            elif (many := _many_to_many_rows(queryset.model, lookup, value)) is not None:
                # `pk IN (the relation's rows matching)` rather than joining the relation
                # and its target into the listing's queries: with the join, PostgreSQL took
                # 1 to 2 ms more to plan and run the page of a filtered listing and its
                # count. Same rows: a page matches once at most (lookups end on a slug).
                condition &= Q(pk__in=many)
            else:
                condition &= Q(**{lookup: value})
        return queryset.filter(condition)


def _many_to_many_rows(model: type[Model], lookup: str, value: Any) -> QuerySet | None:
    """For a lookup through a many-to-many relation of `model` (`topics__slug`,
    `tags__slug`), the ids of its pages that match, read from the relation's own table (its
    through model) alone; None for any other lookup."""
    relation, _, rest = lookup.partition(LOOKUP_SEP)
    try:
        field = model._meta.get_field(relation)
    except FieldDoesNotExist:  # an annotation's name
        return None
    if not (field.many_to_many and rest):
        return None
    to_through, to_target = field.get_path_info()
    owner = to_through.join_field.field.name
    target = to_target.join_field.name
    rows = to_through.to_opts.model._default_manager
    return rows.filter(**{f"{target}{LOOKUP_SEP}{rest}": value}).values(owner)


@dataclass(frozen=True)
class FilteredListing:
    queryset: QuerySet
    form: ListingFilterForm
    active: dict[str, Any]
    # Labels of the filters whose value was unknown and dropped.
    ignored: list[str] = field(default_factory=list)
    # Why the valid filters cannot match together (then the listing is empty).
    conflict: str = ""
    # The number of items in `queryset`, when the listing knew it without counting them
    # (`paginate` then runs no count query); None otherwise.
    count: int | None = None
    # `read_cards(start, stop)`: the items of `queryset` from `start` to `stop`, newest
    # first, as cards, when the listing reads them itself (compiled queries); None: the
    # queryset is paginated.
    read_cards: Callable[[int, int], list[Any]] | None = None


def apply_filters(
    queryset: QuerySet,
    params: Mapping[str, str],
    form_class: type[ListingFilterForm],
    choices: Mapping[str, Choices] | None = None,
) -> FilteredListing:
    """`queryset` narrowed by every valid filter in `params`."""
    data = {name: params.get(name, "") for name in form_class.base_fields}
    if not any(data.values()):
        # No filter asked (the listing as linked from the menu): nothing to check, every
        # filter being optional; only the form to draw.
        return FilteredListing(queryset=queryset, form=form_class(choices=choices), active={})
    submitted = form_class(data, choices=choices)
    submitted.is_valid()
    ignored = [str(submitted.fields[name].label) for name in submitted.errors if name != "__all__"]
    active = {
        name: value
        for name, value in submitted.cleaned_data.items()
        if value not in ("", None) and name not in submitted.errors
    }
    conflict = " ".join(submitted.non_field_errors())
    return FilteredListing(
        queryset=queryset.none() if conflict else submitted.narrow(queryset, active),
        form=form_class(initial=active, choices=choices),
        active=active,
        ignored=ignored,
        conflict=conflict,
    )


def filter_context(listing: FilteredListing) -> dict[str, Any]:
    """What `core/includes/listing_filters.html` and the result count need."""
    return {
        "filter_form": listing.form,
        "ignored_filters": listing.ignored,
        "filter_conflict": listing.conflict,
        "is_filtered": bool(listing.active),
        "active_filters": listing.active,
    }


def listing_context(
    index: Any, request: HttpRequest, filter_listing: Callable[[], FilteredListing]
) -> dict[str, Any]:
    """The context of a filterable index page, newest items first, computed lazily so that
    a cached listing runs none of its queries."""
    listing = lazy(filter_listing)
    page_obj = lazy(
        lambda: index.paginate(
            request,
            listing.queryset.newest_first(),
            count=listing.count,
            read_cards=listing.read_cards,
        )
    )
    return {
        "filter_form": lazy(lambda: listing.form),
        "ignored_filters": lazy(lambda: listing.ignored),
        "filter_conflict": lazy(lambda: listing.conflict),
        "is_filtered": lazy(lambda: bool(listing.active)),
        "active_filters": lazy(lambda: listing.active),
        "page_obj": page_obj,
        "items": lazy(lambda: page_obj.object_list),
    }
