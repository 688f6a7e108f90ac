"""An issue's sections resolved into plain items (title, text, absolute link, image, topics).

The mail, its text part and the web archive all render these, so they show the same content.
"""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

from .links import absolute
from .models import Issue

# Sections whose items follow the subscriber's chosen axes and themes.
PERSONALISED_SECTIONS = {"projects", "innovations"}


@dataclass(frozen=True)
class Item:
    title: str
    text: str = ""
    url: str = ""
    image_url: str = ""
    image_alt: str = ""
    topic_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Section:
    name: str
    heading: str
    items: tuple[Item, ...]

    def ordered_for(self, topic_ids: frozenset[int]) -> "Section":
        """Items about the subscriber's topics first, the editor's order kept otherwise."""
        if self.name not in PERSONALISED_SECTIONS or not topic_ids:
            return self
        items = sorted(self.items, key=lambda item: not (item.topic_ids & topic_ids))
        return Section(self.name, self.heading, tuple(items))


def _full_url(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return absolute(url) if url.startswith("/") else url


def _page_item(value: dict) -> Item | None:
    page: Page | None = value.get("page")
    if page is None or not page.live:
        return None
    page = page.specific
    text = value.get("summary") or getattr(page, "summary", "") or page.search_description or ""
    image_url = image_alt = ""
    image = getattr(page, "listing_image", None)
    if image is not None:
        image_url = _full_url(image.get_rendition("fill-560x280|format-jpeg").url)
        image_alt = getattr(page, "listing_image_alt", "") or ""
    topics = getattr(page, "topics", None)
    topic_ids = (
        frozenset(topics.values_list("pk", flat=True)) if topics is not None else frozenset()
    )
    url = page.get_full_url() or ""
    if url and not url.startswith("http"):
        url = _full_url(url)
    return Item(page.title, text, url, image_url, image_alt, topic_ids)


def _free_item(value: dict) -> Item:
    return Item(value["title"], value.get("text") or "", _full_url(value.get("url") or ""))


def resolve_sections(issue: Issue) -> list[Section]:
    sections = []
    for name, heading, stream in issue.sections():
        items = []
        for block in stream:
            item = (
                _page_item(block.value) if block.block_type == "page" else _free_item(block.value)
            )
            if item is not None:
                items.append(item)
        if items:
            sections.append(Section(name, heading, tuple(items)))
    return sections


def issue_topics(sections: list[Section]) -> frozenset[int]:
    """The topics that can change an issue's order: the variants a send has to render."""
    return frozenset(
        topic
        for section in sections
        if section.name in PERSONALISED_SECTIONS
        for item in section.items
        for topic in item.topic_ids
    )


def sender_domain() -> str:
    address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
    return address.rsplit("@", 1)[-1] or "localhost"
