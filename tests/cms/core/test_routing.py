"""Serving pages through the route cache: same pages, never a stale route."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page, programme):
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    return child_page(index, NewsPage, "lancement", title="Lancement du programme")


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_remembered_route_serves_the_same_page_with_fewer_queries(client, news):
    first, first_count = _count(client, "/actualites/lancement/")
    again, again_count = _count(client, "/actualites/lancement/")
    assert first.status_code == again.status_code == 200
    assert "Lancement du programme" in again.content.decode()
    assert again_count < first_count


def test_an_unpublished_page_is_gone_at_once(client, news):
    client.get("/actualites/lancement/")
    NewsPage.objects.get(pk=news.pk).unpublish()
    assert client.get("/actualites/lancement/").status_code == 404


def test_a_renamed_page_moves_to_its_new_address(client, news):
    client.get("/actualites/lancement/")
    page = NewsPage.objects.get(pk=news.pk)
    page.slug = "lancement-2018"
    page.save_revision().publish()
    assert client.get("/actualites/lancement-2018/").status_code == 200
    assert client.get("/actualites/lancement/").status_code == 404


def test_feeds_and_unknown_paths_still_route(client, news):
    assert client.get("/actualites/rss/").status_code == 200
    assert client.get("/actualites/rss/").status_code == 200
    assert client.get("/actualites/inconnue/").status_code == 404
