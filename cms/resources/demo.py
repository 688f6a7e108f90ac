"""Demo guides and resources, written from the programme's own documents (`programme.json`
and the seeds): the prose is in `demo_data/resources.toml`. Idempotent: pages, images,
documents and the video embed are created once.

`/guides/` holds the programme's guides and practical sheets; `/ressources/` the other
publications (atlas, barometer, booklets, kit, study, report).
"""

from collections.abc import Sequence

from taggit.models import Tag
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from cms.core.demo_builders import (
    BlockRefs,
    DemoContext,
    body_blocks,
    child_page,
    demo_image,
    load_data,
)
from cms.programme.models import Topic

from .models import ResourceIndexPage, ResourcePage, ResourcePageTag

# The ANCT's presentation video of the programme, embedded on its page about ACV (seed 000).
VIDEO_URL = "https://www.youtube.com/watch?v=PsLKm2_rzH4"
VIDEO_PLAYER = "https://www.youtube-nocookie.com/embed/PsLKm2_rzH4"
VIDEO_TITLE = "Action cœur de ville en vidéo"


def video_embed() -> Embed:
    """The cached answer of YouTube's oEmbed for the demo video, so nothing is fetched."""
    embed, _created = Embed.objects.get_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={
            "url": VIDEO_URL,
            "type": "video",
            "provider_name": "YouTube",
            "title": VIDEO_TITLE,
            "width": 560,
            "height": 315,
            "html": f'<iframe title="{VIDEO_TITLE}" width="560" height="315" '
            f'src="{VIDEO_PLAYER}" allowfullscreen></iframe>',
        },
    )
    return embed


def _tags(names: Sequence[str]) -> list[ResourcePageTag]:
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        tags.append(ResourcePageTag(tag=tag))
    return tags


def load_demo(context: DemoContext) -> None:
    data = load_data(__file__, "resources")
    indexes = {
        index["slug"]: child_page(context.home, ResourceIndexPage, **index)
        for index in data["index"]
    }
    video_embed()
    refs = BlockRefs(
        context.home, {document["title"]: document["lines"] for document in data["document"]}
    )
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for page in data["page"]:
        child_page(
            indexes[page["parent"]],
            ResourcePage,
            page["slug"],
            title=page["title"],
            resource_type=page["resource_type"],
            published_on=page["published_on"],
            updated_on=page.get("updated_on"),
            summary=page["summary"],
            body=body_blocks(page["body"], refs),
            listing_image=demo_image(f"Vignette — {page['title']}", page["colour"]),
            topics=[topics[slug] for slug in page["topics"] if slug in topics],
            tagged_items=_tags(page["tags"]),
        )
