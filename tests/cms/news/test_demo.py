"""The news and press demo: French content from the seeds, loaded idempotently."""

import pytest
from wagtail.models import Page

from cms.core.demo_builders import DemoContext
from cms.news import demo
from cms.news.models import NewsPage, PressContact, PressIndexPage, PressKit, PressReleasePage
from cms.territories.models import Town

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

    titles = [page.title for page in NewsPage.objects.order_by("-published_on")]
    assert "222 villes retenues pour le programme Action cœur de ville" in titles
    assert "Action cœur de ville 2 : le programme prolongé jusqu’en 2026" in titles
    laureates = NewsPage.objects.get(slug="reinventons-nos-coeurs-de-ville-les-sites-laureats-2022")
    assert Town.objects.get(insee_code="59183") in laureates.towns.all()

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
    assert 'href="mailto:presse@anct.gouv.fr"' in html
    assert "Dossier de presse — Action cœur de ville 2" in html
