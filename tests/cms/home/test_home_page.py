"""The home page: programme presentation, axes and themes, key figures, news, picks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage
from cms.resources.models import ResourceIndexPage, ResourcePage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(home_page, programme):
    home_page.presentation = "<p>Lancé en 2018, le programme accompagne 245 communes.</p>"
    home_page.key_figures = [("figure", {"figure": "245", "label": "communes bénéficiaires"})]
    home_page.save_revision().publish()
    return home_page


def _add_news(home, count: int) -> None:
    index = child_page(home, NewsIndexPage, "actualites", title="Actualités")
    for number in range(count):
        index.add_child(
            instance=NewsPage(
                title=f"Actualité {number}",
                slug=f"actu-{number}",
                summary="Une nouvelle du programme.",
            )
        )


def test_home_presents_programme_axes_themes_and_key_figures(client, home):
    html = client.get("/").content.decode()
    assert "Lancé en 2018, le programme accompagne 245 communes." in html
    assert "communes bénéficiaires" in html
    for short_title in ("Habitat", "Économie et commerce", "Innovation", "Numérique"):
        assert short_title in html
    assert 'href="/axes/habitat/"' in html
    assert 'href="/carte/"' in html
    assert "Abonnez-vous à la lettre d’information" in html


def test_home_lists_the_three_latest_news(client, home):
    _add_news(home, 5)
    html = client.get("/").content.decode()
    assert "Actualité 4" in html
    assert "Actualité 2" in html


def test_home_query_count_does_not_grow_with_content(client, home):
    _add_news(home, 10)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    _add_news_more = NewsIndexPage.objects.get()
    for number in range(10, 200):
        _add_news_more.add_child(
            instance=NewsPage(title=f"Actualité {number}", slug=f"actu-{number}")
        )
    client.get("/")
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few)


def test_featured_pages_show_only_live_ones(client, home):
    guides = child_page(home, ResourceIndexPage, "guides", title="Guides")
    live = guides.add_child(
        instance=ResourcePage(
            title="Guide de la convention-cadre", slug="convention", resource_type="guide"
        )
    )
    draft = guides.add_child(
        instance=ResourcePage(
            title="Brouillon confidentiel", slug="brouillon", resource_type="guide", live=False
        )
    )
    home.featured = [("page", live), ("page", draft)]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Ressources et retours d’expérience à la une" in html
    assert "Guide de la convention-cadre" in html
    assert "Brouillon confidentiel" not in html


def test_home_advertises_the_news_feed_in_its_head(client, home):
    assert 'type="application/rss+xml"' not in client.get("/").content.decode()
    _add_news(home, 1)
    head = client.get("/").content.decode().split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Actualités (RSS)" '
        'href="/actualites/rss/">' in head
    )


def _guides(home, count):
    guides = child_page(home, ResourceIndexPage, "guides", title="Guides")
    return [
        guides.add_child(
            instance=ResourcePage(
                title=f"Guide {number}",
                slug=f"guide-{number}",
                resource_type="guide",
                listing_image=ImageFactory(),
            )
        )
        for number in range(count)
    ]


def test_a_private_featured_page_is_not_shown(client, home):
    public, private = _guides(home, 2)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    home.featured = [("page", public), ("page", private)]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Guide 0" in html
    assert "Guide 1" not in html


def test_featured_cards_cost_the_same_queries_however_many_they_are(home):
    picks = _guides(home, 6)
    home.featured = [("page", page) for page in picks[:2]]
    with CaptureQueriesContext(connection) as two:
        assert [page.title for page in home.featured_pages()] == ["Guide 0", "Guide 1"]
    home.featured = [("page", page) for page in picks]
    with CaptureQueriesContext(connection) as six:
        featured = home.featured_pages()
        assert all(page.listing_image.title for page in featured)
    assert len(six) == len(two)


def test_news_and_featured_cards_read_their_images_together(home):
    _add_news(home, 3)
    NewsPage.objects.update(listing_image=ImageFactory())
    home.featured = [("page", page) for page in _guides(home, 2)]
    with CaptureQueriesContext(connection) as queries:
        news, picks = home.home_cards()
        shown = [page.listing_image.title for page in [*news, *picks]]
    assert len(shown) == 5
    image_reads = [q for q in queries.captured_queries if "wagtailimages_" in q["sql"]]
    assert len(image_reads) == 2  # the images, then their card renditions
