"""What a listing card needs from the database, fetched in a fixed number of queries.

The card template (`includes/page_card.html`) renders `listing_image` with
`fill-600x338 format-webp preserve-svg`: Wagtail stores that rendition under the spec
without `preserve-svg` for raster images, and without the format for SVGs.
"""

from collections.abc import Sequence

from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page

CARD_RENDITION = "fill-600x338|format-webp"
SVG_CARD_RENDITION = "fill-600x338"


def card_images() -> Prefetch:
    """A prefetch of the listing images with their card rendition (two queries in all)."""
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION, SVG_CARD_RENDITION)
    return Prefetch("listing_image", queryset=images)


def with_card_images(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(card_images())


def attach_card_images(pages: Sequence[Page]) -> None:
    """The listing images of pages of mixed types, with their card rendition, in two queries
    for all of them (a prefetch takes two per page type)."""
    wanted = {image_id for page in pages if (image_id := page.listing_image_id)}
    if not wanted:
        return
    images = (
        get_image_model()
        .objects.prefetch_renditions(CARD_RENDITION, SVG_CARD_RENDITION)
        .in_bulk(wanted)
    )
    for page in pages:
        if page.listing_image_id:
            page.listing_image = images.get(page.listing_image_id)
