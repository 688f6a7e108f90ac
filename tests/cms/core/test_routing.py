"""Serving pages through the route cache: same pages, never a stale route, and every Wagtail
guarantee kept (privacy, redirects, routable sub-pages, previews)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_cache_on")]


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


def test_a_page_made_private_after_its_route_was_remembered_asks_for_a_login(client, news):
    client.get("/actualites/lancement/")
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/actualites/lancement/")
    assert response.status_code == 302
    assert response["Location"] == "/_util/login/?next=/actualites/lancement/"
    assert client.get(response["Location"]).status_code == 200


def test_redirects_of_wagtail_contrib_redirects_still_apply(client, news):
    Redirect.objects.create(old_path="/ancienne-actualite", redirect_page=news)
    client.get("/actualites/lancement/")
    response = client.get("/ancienne-actualite/")
    assert response.status_code == 301
    assert response["Location"] == "/actualites/lancement/"


def test_a_draft_preview_shows_the_draft_while_readers_get_the_live_page(client, news):
    client.get("/actualites/lancement/")
    page = NewsPage.objects.get(pk=news.pk)
    page.title = "Lancement du programme (brouillon)"
    page.save_revision()
    preview = page.get_latest_revision_as_object().make_preview_request()
    assert "Lancement du programme (brouillon)" in preview.render().content.decode()
    live = client.get("/actualites/lancement/").content.decode()
    assert "Lancement du programme" in live
    assert "(brouillon)" not in live


def _rename_without_signals(page):
    """Moves the page to another address behind the caches' back."""
    NewsPage.objects.filter(pk=page.pk).update(
        slug="lancement-2018", url_path=page.url_path.replace("lancement", "lancement-2018")
    )


def test_a_remembered_route_outlives_a_change_no_signal_announced(client, news):
    client.get("/actualites/lancement/")
    _rename_without_signals(news)
    assert client.get("/actualites/lancement/").status_code == 200


def test_the_off_switch_turns_the_route_cache_off(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    client.get("/actualites/lancement/")
    _rename_without_signals(news)
    assert client.get("/actualites/lancement/").status_code == 404
    assert client.get("/actualites/lancement-2018/").status_code == 200
