"""Routing reads the pages along the URL in one query, and answers as Wagtail's own walk:
the same page, the same 404s, routable sub-pages and privacy unchanged."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage
from cms.resources.models import ResourceIndexPage, ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page, programme):
    news = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    guides = child_page(home_page, ResourceIndexPage, "guides", title="Guides")
    return {
        "news": news,
        "article": child_page(news, NewsPage, "article", title="Un article"),
        "draft": child_page(news, NewsPage, "brouillon", title="Un brouillon"),
        "guides": guides,
        "guide": child_page(guides, ResourcePage, "mon-guide", title="Mon guide"),
    }


def _wagtail_route(path):
    """The page (and sub-route) Wagtail's own `Page.route` walk finds for `path`."""
    page = Site.objects.get(is_default_site=True).root_page.specific
    components = [component for component in path.split("/") if component]
    while True:
        if isinstance(page, RoutablePageMixin) and page.live:
            try:
                match = page.resolve_subpage("/" + "".join(f"{c}/" for c in components))
                return page.pk, (match[0].__name__,)
            except Http404:  # no sub-route: Wagtail walks on
                pass
        if not components:
            return (page.pk, ()) if page.live else None
        child = page.get_children().filter(slug=components[0]).first()
        if child is None:
            return None
        page, components = child.specific, components[1:]


def _portal_route(path):
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, _ = result
    return page.pk, (args[0].__name__,) if args else ()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/actualites/",
        "/actualites/article/",
        "/actualites/rss/",
        "/guides/rss/",
        "/guides/mon-guide/",
        "/guides/mon-guide/suite/",
        "/actualites/brouillon/",
        "/actualites/inconnu/",
        "/inconnu/article/",
        "/guides/MON-GUIDE/",
    ],
)
def test_routes_as_wagtail_s_own_walk(tree, path):
    tree["draft"].unpublish()
    assert _portal_route(path) == _wagtail_route(path)


def test_a_draft_section_does_not_hide_its_live_pages(client, tree):
    tree["news"].unpublish()
    assert client.get("/actualites/").status_code == 404
    assert client.get("/actualites/article/").status_code == 200


def test_a_page_and_its_ancestors_cost_two_queries(tree, django_assert_num_queries):
    request = RequestFactory().get("/guides/mon-guide/", HTTP_HOST="localhost")
    home = Site.objects.get(is_default_site=True).root_page.specific
    with django_assert_num_queries(2):  # the pages along the URL, then the guide itself
        page, args, _ = home.route(request, ["guides", "mon-guide"])
    assert args == []
    assert page.pk == tree["guide"].pk
    assert isinstance(page, ResourcePage)
    assert page.get_parent().pk == tree["guides"].pk


def test_breadcrumbs_come_from_the_pages_routing_read(client, tree, django_assert_num_queries):
    html = client.get("/actualites/article/").content.decode()
    assert '<a class="fr-breadcrumb__link" href="/actualites/">Actualités</a>' in html
    request = RequestFactory().get("/actualites/article/", HTTP_HOST="localhost")
    page = Page.route_for_request(request, "/actualites/article/")[0]
    with django_assert_num_queries(0):
        crumbs = page.get_breadcrumbs(request)
    assert [crumb.title for crumb in crumbs] == ["Accueil", "Actualités"]


def test_privacy_still_applies_to_pages_found_this_way(client, tree):
    PageViewRestriction.objects.create(page=tree["news"], restriction_type="login")
    response = client.get("/actualites/article/")
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")
