"""The view restrictions are read once per request and never kept beyond it: a page made
private is private on the very next request, with every cache off."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page, programme):
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    return {
        "index": index,
        "public": child_page(index, NewsPage, "publique", title="Une actualité publique"),
        "private": child_page(index, NewsPage, "privee", title="Une actualité privée"),
    }


def test_a_page_made_private_is_hidden_from_the_next_request(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    assert client.get("/actualites/privee/").status_code == 200
    assert "Une actualité privée" in client.get("/actualites/").content.decode()

    PageViewRestriction.objects.create(page=news["private"], restriction_type="login")
    assert client.get("/actualites/privee/").status_code == 302
    listing = client.get("/actualites/").content.decode()
    assert "Une actualité privée" not in listing
    assert "Une actualité publique" in listing


def test_one_read_of_the_restrictions_serves_the_page_and_its_listing(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    PageViewRestriction.objects.create(page=news["private"], restriction_type="login")
    client.get("/actualites/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/actualites/").status_code == 200
    # Reads of the rows (the site's query only asks whether any exists: `sites`).
    row = '"wagtailcore_pageviewrestriction"."restriction_type"'
    reads = [q for q in queries.captured_queries if row in q["sql"]]
    assert len(reads) == 1


def test_an_alias_of_a_private_page_is_private_too(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    PageViewRestriction.objects.create(page=news["private"], restriction_type="login")
    news["private"].create_alias(update_slug="alias-privee")
    assert client.get("/actualites/alias-privee/").status_code == 302
