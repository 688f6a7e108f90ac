"""The request's site, read with the chrome's settings in one query, is the site Wagtail's
own `Site.find_for_request` chooses, by every one of its rules."""

import itertools

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from cms.core.demo import load_legal_pages, load_settings
from cms.core.demo_builders import child_page
from cms.core.models import PortalSettings
from cms.core.sites import site_for_request
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

# Each layout: (hostname, port, is_default_site) of every site.
LAYOUTS = {
    "default only": [("localhost", 80, True)],
    "one per host": [("localhost", 80, True), ("autre.fr", 80, False)],
    "one host, two ports": [
        ("localhost", 80, True),
        ("autre.fr", 80, False),
        ("autre.fr", 8080, False),
    ],
    "default host on two ports": [("localhost", 80, True), ("localhost", 8080, False)],
    "no default": [("autre.fr", 80, False), ("autre.fr", 8080, False)],
    "no default, one site": [("autre.fr", 8080, False)],
}
REQUESTS = list(itertools.product(["localhost", "autre.fr", "inconnu.fr"], ["80", "8080", "9000"]))


def _requests(hostname, port):
    """Two identical fresh requests: one for Wagtail, one for the portal."""
    factory = RequestFactory()
    return [factory.get("/", HTTP_HOST=hostname, SERVER_PORT=port) for _ in range(2)]


@pytest.fixture(params=LAYOUTS)
def layout(request, home_page, settings) -> str:
    """The site records of one of LAYOUTS (its name), every host allowed."""
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.all().delete()
    for hostname, port, default in LAYOUTS[request.param]:
        Site.objects.create(
            hostname=hostname, port=port, is_default_site=default, root_page=home_page
        )
    return request.param


def test_the_site_is_the_one_wagtail_chooses(layout):
    for hostname, port in REQUESTS:
        wagtail_request, portal_request = _requests(hostname, port)
        expected = Site.find_for_request(wagtail_request)
        found = site_for_request(portal_request)
        assert found == expected, (layout, hostname, port)
        assert Site.find_for_request(portal_request) is found  # handed to Wagtail


def test_wagtail_asks_no_further_once_the_site_is_found(home_page):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    site = site_for_request(request)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is site
        assert site.root_page.pk == home_page.pk
    assert queries.captured_queries == []


@pytest.fixture
def news(home_page, programme):
    load_settings(load_legal_pages(home_page))
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    return child_page(index, NewsPage, "lancement", title="Lancement du programme")


def test_a_page_reads_its_site_and_chrome_settings_together(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/actualites/lancement/").content.decode()
    assert "Lancement du programme" in html
    assert 'href="/mentions-legales/">Mentions légales</a>' in html
    sql = [query["sql"] for query in queries.captured_queries]
    # The site chosen for the host (Wagtail's root paths, read for URLs, are another query).
    site_reads = [query for query in sql if '"wagtailcore_site"."hostname" =' in query]
    assert len(site_reads) == 1
    assert "core_portalsettings" in site_reads[0]
    assert "core_navigationsettings" in site_reads[0]
    assert not [query for query in sql if "settings" in query and query not in site_reads]
    # Only the page served is read as its specific type, not the site's home page.
    home_reads = [query for query in sql if '"home_homepage"' in query]
    assert home_reads == []


def test_a_new_site_gets_its_settings_created(client, home_page, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    site = Site.objects.get(is_default_site=True)
    PortalSettings.objects.filter(site=site).delete()
    assert client.get("/").status_code == 200
    assert PortalSettings.objects.filter(site=site).exists()


def test_a_site_whose_root_is_a_plain_page_routes_as_wagtail(client, home_page, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    root = Page.get_first_root_node().add_child(instance=Page(title="Racine", slug="racine"))
    child_page(root, NewsIndexPage, "actualites", title="Actualités du site bis")
    Site.objects.create(hostname="bis.localhost", port=80, root_page=root)
    settings.ALLOWED_HOSTS = ["localhost", "bis.localhost", "testserver"]
    response = client.get("/actualites/", HTTP_HOST="bis.localhost")
    assert response.status_code == 200
    assert "Actualités du site bis" in response.content.decode()
    assert client.get("/inconnu/", HTTP_HOST="bis.localhost").status_code == 404


def test_without_any_restriction_a_page_and_its_listing_read_none(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    for url in ("/actualites/", "/actualites/lancement/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        reads = [
            q for q in queries.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]
        ]
        assert len(reads) == 1  # the site's query asking whether any exists
    # One made now applies at once: the next request's site query sees it.
    PageViewRestriction.objects.create(page=news, restriction_type="login")
    assert client.get("/actualites/lancement/").status_code == 302
    assert "Lancement du programme" not in client.get("/actualites/").content.decode()


def test_the_menus_pages_are_read_with_the_pages_along_the_url(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    for url, status in (("/actualites/lancement/", 200), ("/actualites/inconnue/", 404)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == status
        assert 'href="/mentions-legales/">Mentions légales</a>' in response.content.decode()
        # No query of the chrome's own for its pages' addresses (`chrome.build_chrome`).
        own_read = 'SELECT "wagtailcore_page"."id", "wagtailcore_page"."url_path" FROM'
        assert not [q for q in queries.captured_queries if q["sql"].startswith(own_read)]


def test_a_view_that_is_no_wagtail_page_reads_the_menus_pages_itself(client, news, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/villes/").content.decode()
    assert 'href="/mentions-legales/">Mentions légales</a>' in html
    own_read = 'SELECT "wagtailcore_page"."id", "wagtailcore_page"."url_path" FROM'
    assert len([q for q in queries.captured_queries if q["sql"].startswith(own_read)]) == 1


# Host headers as clients send them: case, a trailing dot, a port of their own (Wagtail
# goes by the server's port), IPv6, an empty or malformed host.
HOST_HEADERS = [
    "AUTRE.fr",
    "autre.fr.",
    "Autre.Fr.:8080",
    "autre.fr:9000",
    "localhost.",
    "[::1]:8080",
    "",
    "autre.fr:port",
    "bad host",
    "inconnu.fr.:80",
]


def test_host_headers_of_every_form_find_the_site_wagtail_finds(layout):
    factory = RequestFactory()
    for host in HOST_HEADERS:
        for server_port in ("80", "8080"):
            wagtail_request, portal_request = (
                factory.get("/", HTTP_HOST=host, SERVER_PORT=server_port) for _ in range(2)
            )
            expected = Site.find_for_request(wagtail_request)
            assert site_for_request(portal_request) == expected, (layout, host, server_port)


def test_an_unknown_or_malformed_host_is_never_a_server_error(
    client, home_page, settings, each_cache_mode
):
    Site.objects.all().delete()
    Site.objects.create(hostname="autre.fr", port=8080, root_page=home_page)
    Site.objects.create(hostname="autre.fr", port=9000, root_page=home_page)
    # No default site, two sites on the host: Wagtail finds none, the page is not found.
    settings.ALLOWED_HOSTS = ["*"]
    for host in ("autre.fr", "inconnu.fr", "AUTRE.FR.", "autre.fr:1"):
        assert client.get("/", HTTP_HOST=host).status_code == 404, host
    assert client.get("/", HTTP_HOST="autre.fr", SERVER_PORT="8080").status_code == 200
    settings.ALLOWED_HOSTS = ["autre.fr"]
    assert client.get("/", HTTP_HOST="pirate.fr").status_code == 400
