"""Demo news and press space, written from the seed documents and programme.json: the prose
is in `demo_data/news.toml` and `demo_data/press.toml`.

Dates are those of the events and publications the seeds mention (the 2018 launch, the
Cerema convention-cadre, the ANCT resources' publication dates); where a seed gives no
day, a plausible one is used. No figure appears that the seeds do not give.
"""

from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from cms.core.demo_builders import (
    BlockRefs,
    DemoContext,
    body_blocks,
    child_page,
    demo_image,
    load_data,
)
from cms.programme.models import Topic
from cms.territories.models import Town

from .models import (
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    PressContact,
    PressIndexPage,
    PressKit,
    PressReleaseDocument,
    PressReleasePage,
)


def load_demo(context: DemoContext) -> None:
    """« Actualités » and « Espace presse » (programme and towns should be loaded first)."""
    _load_news(context.home)
    _load_press(context.home)


def _load_news(home: Page) -> None:
    data = load_data(__file__, "news")
    index = child_page(home, NewsIndexPage, **data["index"])
    refs = BlockRefs(home)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    insee_codes = [insee for item in data["item"] for insee in item.get("towns", [])]
    towns = {town.insee_code: town for town in Town.objects.filter(insee_code__in=insee_codes)}
    for item in data["item"]:
        child_page(
            index,
            NewsPage,
            item["slug"],
            title=item["title"],
            published_on=item["published_on"],
            summary=item["summary"],
            listing_image=demo_image(f"Actualité — {item['title']}", item["colour"]),
            body=body_blocks(item["body"], refs),
            topics=[topics[slug] for slug in item["topics"] if slug in topics],
            towns=[towns[insee] for insee in item.get("towns", []) if insee in towns],
            tagged_items=[NewsPageTag(tag=_tag(name)) for name in item["tags"]],
        )


def _load_press(home: Page) -> None:
    data = load_data(__file__, "press")
    refs = BlockRefs(home, {document["title"]: document["lines"] for document in data["document"]})
    index_data = data["index"]
    index = child_page(
        home,
        PressIndexPage,
        index_data["slug"],
        title=index_data["title"],
        introduction=index_data["introduction"],
        contacts=[PressContact(**contact) for contact in index_data["contacts"]],
        kits=[
            PressKit(title=kit["title"], document=refs.document(kit["document"]))
            for kit in index_data["kits"]
        ],
    )
    for release in data["release"]:
        child_page(
            index,
            PressReleasePage,
            release["slug"],
            title=release["title"],
            published_on=release["published_on"],
            summary=release["summary"],
            body=body_blocks(release["body"], refs),
            documents=[
                PressReleaseDocument(document=refs.document(title))
                for title in release["documents"]
            ],
        )


def _tag(name: str) -> Tag:
    # slugify() drops « œ »: spell it out so « cœurs » gives « coeurs » in URLs.
    tag = Tag.objects.filter(name__iexact=name).first()
    return tag or Tag.objects.create(
        name=name, slug=slugify(name.replace("œ", "oe").replace("Œ", "Oe"))
    )
