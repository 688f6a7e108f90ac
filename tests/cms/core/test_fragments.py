"""Cached page fragments: faster repeat views, never stale after a publication."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.FRAGMENT_CACHE_ENABLED = True


@pytest.fixture
def news_index(home_page, programme):
    return child_page(home_page, NewsIndexPage, "actualites", title="Actualités")


def _publish_news(index, title, slug):
    page = index.add_child(instance=NewsPage(title=title, slug=slug, live=False))
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_repeat_views_of_a_page_skip_its_content_queries(client, news_index):
    page = _publish_news(news_index, "Lancement du programme", "lancement")
    with CaptureQueriesContext(connection) as first:
        client.get(page.url)
    cached, html = _queries(client, page.url)
    assert cached < len(first)
    assert "Lancement du programme" in html


def test_a_publication_shows_at_once(client, news_index):
    page = _publish_news(news_index, "Lancement du programme", "lancement")
    client.get("/actualites/")
    client.get(page.url)

    page.title = "Lancement du programme en 2018"
    page.save_revision().publish()
    _, html = _queries(client, page.url)
    assert "Lancement du programme en 2018" in html

    _publish_news(news_index, "Deuxième actualité", "deuxieme")
    _, listing = _queries(client, "/actualites/")
    assert "Deuxième actualité" in listing


def test_a_draft_never_reaches_readers_through_the_cache(client, news_index):
    page = _publish_news(news_index, "Titre publié", "titre")
    client.get(page.url)
    draft = NewsPage.objects.get(pk=page.pk)
    draft.title = "Titre en brouillon"
    draft.save_revision()  # saved, not published
    _, html = _queries(client, page.url)
    assert "Titre publié" in html
    assert "Titre en brouillon" not in html


def test_unpublishing_removes_the_page_from_cached_listings(client, news_index):
    page = _publish_news(news_index, "Actualité retirée", "retiree")
    assert "Actualité retirée" in client.get("/actualites/").content.decode()
    NewsPage.objects.get(pk=page.pk).unpublish()
    assert "Actualité retirée" not in client.get("/actualites/").content.decode()


def test_filtered_listings_are_not_cached(client, news_index):
    _publish_news(news_index, "Une actualité", "une")
    client.get("/actualites/?annee=2099&x=1")
    uncached_again, _ = _queries(client, "/actualites/?annee=2099&x=1")
    client.get("/actualites/")
    cached, _ = _queries(client, "/actualites/")
    assert cached < uncached_again


def test_signed_in_editors_always_get_a_fresh_render(client, news_index):
    page = _publish_news(news_index, "Actualité", "actualite")
    client.get(page.url)
    editor = get_user_model().objects.create_superuser(email="e@example.fr", password="p" * 12)
    client.force_login(editor)
    client.get(page.url)
    as_editor, _ = _queries(client, page.url)
    client.logout()
    client.get(page.url)
    as_reader, _ = _queries(client, page.url)
    assert as_reader < as_editor
