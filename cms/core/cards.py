"""Listing cards: what they need from the database, in a fixed number of queries, and
their markup.

A card renders `listing_image` with `fill-600x338 format-webp preserve-svg`: Wagtail stores
that rendition under the spec without `preserve-svg` for raster images, and without the
format for SVGs.
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.template.defaultfilters import truncatewords
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, AbstractRendition, Filter
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page

CARD_RENDITION = "fill-600x338|format-webp"
SVG_CARD_RENDITION = "fill-600x338"
CARD_IMAGE_FILTER = Filter(spec=f"{CARD_RENDITION}|preserve-svg")
# The filters Wagtail derives from CARD_IMAGE_FILTER for a raster image and for an SVG, built
# once: Wagtail builds a new one per call, and parsing its operations cost more than the rest
# of a card.
_STORED_FILTERS = {False: Filter(spec=CARD_RENDITION), True: Filter(spec=SVG_CARD_RENDITION)}

# The DSFR card (`fr-card`). Written out in Python rather than as an included template:
# listings draw a dozen cards, and Django's include, `{% pageurl %}` and `{% image %}` cost
# more than the rest of the page (bench/RESULTS.md). `includes/page_card.html` draws it.
_CARD = """
<div class="fr-card fr-enlarge-link">
  <div class="fr-card__body">
    <div class="fr-card__content">
      <{heading} class="fr-card__title"><a href="{url}">{title}</a></{heading}>
      {summary}
      {badge}
      {detail}
    </div>
  </div>
  {image}
</div>
"""
_SUMMARY = '<p class="fr-card__desc">{}</p>'
_BADGE = (
    '<div class="fr-card__start"><ul class="fr-badges-group"><li>'
    '<p class="fr-badge fr-badge--sm fr-badge--blue-ecume">{}</p></li></ul></div>'
)
_DETAIL = '<div class="fr-card__end"><p class="fr-card__detail">{}</p></div>'
_IMAGE = """
    <div class="fr-card__header">
      <div class="fr-card__img">
        <img class="fr-responsive-img" src="{}" width="{}" height="{}" alt="{}" loading="lazy">
      </div>
    </div>
  """


def render_card(
    item: Any,
    request: HttpRequest | None,
    heading_level: str = "",
    badge: Any = "",
    detail: Any = "",
) -> SafeString:
    """The card of a listed page (`ListingMixin`): its title linked to it, its summary, an
    optional badge and detail line, and its listing image."""
    image = ""
    if item.listing_image:
        thumb = card_rendition(item.listing_image)
        image = format_html(
            _IMAGE, thumb.url, thumb.width, thumb.height, item.listing_image_alt_text
        )
    return format_html(
        _CARD,
        heading=heading_level or "h3",
        url=item.get_url(request=request),
        title=item.title,
        summary=format_html(_SUMMARY, truncatewords(item.summary, 40)) if item.summary else "",
        badge=format_html(_BADGE, badge) if badge else "",
        detail=format_html(_DETAIL, detail) if detail else "",
        image=image,
    )


def card_rendition(image: AbstractImage) -> AbstractRendition:
    """The card rendition of `image`: found among its prefetched renditions (`card_images`)
    when it is there, as Wagtail would find it (same spec, same focal point key); else
    Wagtail's `get_rendition`, which creates it (or draws a missing file as not found)."""
    prefetched = image._get_prefetched_renditions()
    if prefetched is not None:
        stored = _STORED_FILTERS[image.is_svg()]
        focal_point_key = stored.get_cache_key(image)
        for rendition in prefetched:
            if (
                rendition.filter_spec == stored.spec
                and rendition.focal_point_key == focal_point_key
            ):
                return rendition
    return get_rendition_or_not_found(image, CARD_IMAGE_FILTER)


def card_renditions(images: str = "listing_image") -> Prefetch:
    """A prefetch of the card renditions of the images at `images` (one query for all),
    where `card_rendition` finds them."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=(CARD_RENDITION, SVG_CARD_RENDITION))
    )
    return Prefetch(f"{images}__renditions", queryset=renditions, to_attr="prefetched_renditions")


def with_card_images(queryset: QuerySet) -> QuerySet:
    """`queryset` with each page's listing image joined and its card rendition prefetched:
    one query more in all."""
    return queryset.select_related("listing_image").prefetch_related(card_renditions())


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
