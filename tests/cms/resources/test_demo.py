"""The demo guides and resources: idempotent, in French, and showing every block type."""

import pytest
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from cms.core.blocks.registry import body_blocks
from cms.core.demo_builders import DemoContext, load_data
from cms.programme.models import Topic
from cms.resources import demo
from cms.resources.models import ResourceIndexPage, ResourcePage, ResourcePageTag

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(home_page, programme, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an embed provider was asked over the network")

    monkeypatch.setattr("wagtail.embeds.embeds.get_finder_for_embed", refuse)
    demo.load_demo(DemoContext(home=home_page))
    return home_page


def counts() -> dict[str, int]:
    return {
        "indexes": ResourceIndexPage.objects.count(),
        "resources": ResourcePage.objects.count(),
        "tags": ResourcePageTag.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "embeds": Embed.objects.count(),
    }


def test_loading_twice_changes_nothing(loaded):
    first = counts()
    demo.load_demo(DemoContext(home=loaded))
    assert counts() == first
    assert first["indexes"] == 2
    assert first["resources"] >= 10
    assert first["embeds"] == 1


def test_both_listings_exist_and_list_every_page_of_the_data_file(client, loaded):
    data = load_data(demo.__file__, "resources")
    assert ResourcePage.objects.count() == len(data["page"])
    for index in ResourceIndexPage.objects.all():
        html = client.get(index.url).content.decode()
        assert f"<h1>{escape(index.title)}</h1>" in html
        assert '<p class="fr-text--lead">' in html
        children = ResourcePage.objects.child_of(index).live()
        assert children.exists()
        for child in children:
            assert f'href="{child.url}"' in html, child.url


def test_demo_covers_every_axis_theme_and_block_type(loaded):
    pages = list(ResourcePage.objects.prefetch_related("topics"))
    used_topics = {topic.slug for page in pages for topic in page.topics.all()}
    assert used_topics == set(Topic.objects.values_list("slug", flat=True))
    used_blocks = {block.block_type for page in pages for block in page.body}
    assert used_blocks == {name for name, _block in body_blocks()}
    assert all(page.listing_image_id and page.summary for page in pages)
    assert all(page.tags.exists() for page in pages)


def test_every_demo_page_renders(client, loaded, monkeypatch):
    for page in ResourcePage.objects.all():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.content.decode().count("<h1") == 1
    video_page = client.get("/guides/guide-action-coeur-de-ville-2/").content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/PsLKm2_rzH4"' in video_page
    assert "fr-transcription" in video_page
