"""What the home page lists; each query is bounded and flat in query count."""

from typing import TYPE_CHECKING

from django.db.models import prefetch_related_objects
from wagtail.models import Page

from cms.core.cards import card_images
from cms.programme.models import Topic

if TYPE_CHECKING:
    from cms.home.models import HomePage


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def featured_pages(home: "HomePage") -> list[Page]:
    """The editor's picks, live ones only, as their specific types with their images."""
    ids = [item["value"] for item in home.featured.raw_data if item.get("value")]
    if not ids:
        return []
    pages = {page.pk: page for page in Page.objects.live().public().filter(pk__in=ids).specific()}
    picks = [pages[pk] for pk in ids if pk in pages]
    by_type: dict[type, list[Page]] = {}
    for page in picks:
        by_type.setdefault(type(page), []).append(page)
    for same_type in by_type.values():
        prefetch_related_objects(same_type, card_images())
    return picks
