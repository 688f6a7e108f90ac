"""The news and press demo: French content from the seeds, loaded idempotently."""

import pytest
from wagtail.models import Page

from cms.core.demo_builders import DemoContext, load_data
from cms.news import demo
from cms.news.models import NewsPage, PressContact, PressIndexPage, PressKit, PressReleasePage

from .helpers import DSFR_HEADER

pytestmark = pytest.mark.django_db


def test_demo_loads_news_and_press_once_and_every_page_renders(
    client, home_page, programme, territories
):
    demo.load_demo(DemoContext(home=home_page))
    pages = Page.objects.count()
    demo.load_demo(DemoContext(home=home_page))
    assert Page.objects.count() == pages
    assert NewsPage.objects.live().count() >= 6
    assert PressReleasePage.objects.live().count() >= 1
    assert PressContact.objects.count() == 2
    assert PressKit.objects.count() >= 1

    news = load_data(demo.__file__, "news")
    assert NewsPage.objects.count() == len(news["item"])
    for item in news["item"]:
        page = NewsPage.objects.get(slug=item["slug"])
        assert page.published_on == item["published_on"]
        assert page.listing_image_id
        assert sorted(town.insee_code for town in page.towns.all()) == sorted(item.get("towns", []))
    assert any(item.get("towns") for item in news["item"])

    press = PressIndexPage.objects.get()
    urls = [
        "/actualites/",
        "/actualites/rss/",
        "/presse/",
        "/presse/rss/",
        *(page.url for page in NewsPage.objects.all()),
        *(page.url for page in PressReleasePage.objects.all()),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if not url.endswith("rss/"):
            assert DSFR_HEADER.encode() in response.content, url
    html = client.get(press.url).content.decode()
    for contact in press.contacts.all():
        assert f'href="mailto:{contact.email}"' in html
    for kit in press.kits.all():
        assert f'href="{kit.document.url}"' in html
    assert all(release.documents.exists() for release in PressReleasePage.objects.all())
