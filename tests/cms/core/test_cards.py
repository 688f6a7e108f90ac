"""Card renditions: found among the prefetched ones as Wagtail finds them, without a query."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image

from cms.core.cards import CARD_IMAGE_FILTER, CARD_RENDITION, SVG_CARD_RENDITION, card_rendition
from cms.core.demo_builders import child_page
from cms.measures.models import MeasureIndexPage, MeasurePage
from cms.news.models import NewsPage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">'
    b'<rect width="1200" height="675" fill="#000091"/></svg>'
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def images() -> list[Image]:
    centred = ImageFactory()
    focused = ImageFactory(focal_point_x=40, focal_point_y=30, focal_point_width=8)
    svg = Image.objects.create(
        title="Logo", file=ContentFile(SVG, name="logo.svg"), width=1200, height=675
    )
    return [centred, focused, svg]


def _prefetched(images: list[Image]) -> list[Image]:
    """The images as the home page's cards load them (`attach_card_images`)."""
    return list(
        Image.objects.filter(pk__in=[image.pk for image in images])
        .order_by("pk")
        .prefetch_renditions(CARD_RENDITION, SVG_CARD_RENDITION)
    )


def test_the_rendition_wagtail_would_use_found_without_a_query(images, django_assert_num_queries):
    # A rendition of the same spec for another focal point (made before it moved): not the
    # one to use, though found first.
    images[1].renditions.create(
        filter_spec="fill-600x338|format-webp",
        focal_point_key="moved",
        file="images/old.webp",
        width=600,
        height=338,
    )
    expected = [image.get_rendition(CARD_IMAGE_FILTER) for image in images]
    loaded = _prefetched(images)

    with django_assert_num_queries(0):
        found = [card_rendition(image) for image in loaded]

    assert [rendition.pk for rendition in found] == [rendition.pk for rendition in expected]
    assert found[2].filter_spec == "fill-600x338"  # the SVG keeps its format


def test_a_missing_rendition_is_made_as_wagtail_makes_it(images):
    loaded = _prefetched(images)
    rendition = card_rendition(loaded[0])
    assert rendition.filter_spec == "fill-600x338|format-webp"
    assert (rendition.width, rendition.height) == (600, 338)
    assert card_rendition(_prefetched(images)[0]).pk == rendition.pk


def test_listed_pages_bring_their_card_rendition(
    two_pages_of_news, images, django_assert_num_queries
):
    NewsPage.objects.update(listing_image=images[1])
    expected = images[1].get_rendition(CARD_IMAGE_FILTER)
    with django_assert_num_queries(2):  # the pages with their image, the renditions
        pages = list(NewsPage.objects.for_cards()[:3])
    with django_assert_num_queries(0):
        found = {card_rendition(page.listing_image).pk for page in pages}
    assert found == {expected.pk}


def test_a_listing_of_cards_drawn_by_wagtails_image_tag_reads_no_field_per_card(
    client, home_page, settings
):
    """The measures' cards use `{% image %}`, which reads more of the image than
    `render_card` (its file hash): loading only the cards' fields must not cost a query per
    card."""
    settings.FRAGMENT_CACHE_ENABLED = False
    index = child_page(home_page, MeasureIndexPage, "dispositifs", title="Dispositifs")

    def queries() -> int:
        client.get("/dispositifs/")  # renditions are made on the first rendering
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/dispositifs/").status_code == 200
        return len(captured)

    child_page(index, MeasurePage, "m-0", title="M 0", tagline="T", listing_image=ImageFactory())
    one = queries()
    for number in range(1, 5):
        child_page(
            index, MeasurePage, f"m-{number}", title="M", tagline="T", listing_image=ImageFactory()
        )
    assert queries() == one
