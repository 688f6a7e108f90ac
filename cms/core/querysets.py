"""QuerySets of the pages listed as cards (listings, related sections, home page, feeds).

Each content model plugs them in with `objects = PageManager.from_queryset(...)()`, so
other parts of the portal ask `NewsPage.objects.published().about(topic)…` instead of
going through query functions.
"""

from collections.abc import Sequence
from typing import Any, ClassVar, Self

from django.db.models import Q, QuerySet
from wagtail.models import Page
from wagtail.query import PageQuerySet

from .cards import with_card_images
from .compiled import CompiledShape
from .restrictions import restricted_paths
from .tree_sql import children_of


def publicly_visible(hidden: Sequence[str] | None = None) -> Q:
    """Pages under no view restriction, theirs or an ancestor's (Wagtail's `public()`).

    The restricted paths are read once per request (`restrictions`) and become plain `path`
    prefixes the index serves. A correlated `NOT EXISTS` comparing each row's path with the restrictions'
    looked cheaper but made PostgreSQL plan every listing query around it: the uncached
    case-study listing went from 89 to 354 ms of server time with no restriction at all.

    `hidden`: the restricted paths when the caller read them already (a compiled query
    takes them as a shape argument, `compiled`)."""
    condition = Q()
    for path in restricted_paths() if hidden is None else hidden:
        condition &= ~Q(path__startswith=path)
    return condition


def hidden_paths() -> tuple[str, ...]:
    """The restricted paths, for a compiled query's `hidden` shape argument (`published`)."""
    return tuple(restricted_paths())


# The page fields a card shows (`cms.core.cards.render_card`); each queryset adds those of
# its type's card (`card_fields`). Loading only them halves the cost of each row.
CARD_FIELDS = ("title", "url_path", "summary", "listing_image", "listing_image_alt")
# And of its image: its file, size, focal point (which its renditions' keys derive from),
# description (the card's default alt text) and file hash (Wagtail's `{% image %}` keys its
# rendition cache with it).
CARD_IMAGE_FIELDS = tuple(
    f"listing_image__{field}"
    for field in (
        "file",
        "width",
        "height",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
        "description",
        "file_hash",
    )
)


class ListedPageQuerySet(PageQuerySet):
    # The fields the type's card shows beyond CARD_FIELDS (`for_cards`).
    card_fields: ClassVar[tuple[str, ...]] = ()

    def published(self, hidden: Sequence[str] | None = None) -> Self:
        """What anonymous readers may see: live, and under no view restriction (`hidden`:
        the restricted paths, if already read)."""
        return self.live().filter(publicly_visible(hidden))

    def listed_under(self, index_path: str, index_depth: int) -> Self:
        """The children of the listing page at `index_path` and `index_depth`, with both
        written into the SQL (`tree_sql`): PostgreSQL's plan is then the listing's own."""
        return self.filter(*children_of(index_path, index_depth))

    def about(self, topic: Any) -> Self:
        """Pages tagged with this axis or theme (a `Topic` or its id)."""
        return self.filter(topics=topic)

    def for_cards(self) -> Self:
        """The fields a card shows, with its image and that image's card rendition, in a
        fixed number of queries (two); any other field is loaded on access, one query each."""
        return with_card_images(self.only(*CARD_FIELDS, *CARD_IMAGE_FIELDS, *self.card_fields))


class DatedPageQuerySet(ListedPageQuerySet):
    """Pages with an editorial date (`DatedMixin.published_on`), which their cards show."""

    card_fields = ("published_on",)

    def newest_first(self) -> Self:
        return self.order_by("-published_on", "-pk")


def _newest_cards(
    related_id: int, *, model: type[Page], narrow: str, limit: int, hidden: tuple[str, ...]
) -> QuerySet:
    published = model._default_manager.published(hidden)
    return getattr(published, narrow)(related_id).newest_first().for_cards()[:limit]


_NEWEST_CARDS = CompiledShape(_newest_cards)


def newest_cards(model: type[Page], narrow: str, related_id: int, limit: int) -> list[Page]:
    """The `limit` newest published pages of `model` that `narrow` (its queryset's method:
    `about`, `in_town`) keeps for `related_id`, read for their cards: the query of a
    topic's or a town's section, compiled once per process (`compiled`)."""
    return _NEWEST_CARDS.rows(
        related_id, model=model, narrow=narrow, limit=limit, hidden=hidden_paths()
    )
