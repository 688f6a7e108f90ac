"""Builders for resource pages: created straight in the tree, live, without revisions."""

import datetime
from collections.abc import Sequence
from typing import Any

from taggit.models import Tag
from wagtail.models import Page

from cms.programme.models import Topic
from cms.resources.models import ResourceIndexPage, ResourcePage, ResourcePageTag


def make_index(home: Page, slug: str = "guides", title: str = "Guides") -> ResourceIndexPage:
    index = ResourceIndexPage(title=title, slug=slug, introduction=f"Introduction des {slug}.")
    home.add_child(instance=index)
    return index


def make_resource(
    index: ResourceIndexPage,
    title: str,
    *,
    resource_type: str = "guide",
    published_on: datetime.date = datetime.date(2024, 5, 1),
    topics: Sequence[Topic] = (),
    tags: Sequence[str] = (),
    **fields: Any,
) -> ResourcePage:
    tagged = []
    for name in tags:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        tagged.append(ResourcePageTag(tag=tag))
    page = ResourcePage(
        title=title,
        resource_type=resource_type,
        published_on=published_on,
        summary=fields.pop("summary", f"Résumé de « {title} »."),
        topics=list(topics),
        tagged_items=tagged,
        **fields,
    )
    index.add_child(instance=page)
    return page


def make_many(index: ResourceIndexPage, count: int, **fields: Any) -> list[ResourcePage]:
    start = datetime.date(2020, 1, 1)
    return [
        make_resource(
            index,
            f"Ressource {number}",
            published_on=start + datetime.timedelta(days=number),
            **fields,
        )
        for number in range(count)
    ]
