"""Whole pages for anonymous readers (coeurdeville.page_cache): a repeat view of a public page
costs no query, and nothing signed-in, private, previewed, per-response or unbounded is
ever shared. The invalidation events are in tests/cms/core/test_invalidation.py."""

import re
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from cms.core.fragments import bump_scope_version
from cms.news.models import NewsPage
from cms.territories.models import Town, town_scope
from coeurdeville.page_cache import PageCacheMiddleware
from tests.conftest import cached_keys

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_cache_on")]

NEWS = "/actualites/actualite-3/"
NONCE = re.compile(r'nonce="([^"]+)"')


def _get(client: Client, url: str, **extra: str) -> tuple[HttpResponse, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def _kept_pages() -> int:
    return sum(key.startswith("page-cache:") for key in cached_keys())


def _without_nonce(text: str) -> str:
    return re.sub(r"nonce(=\"|-)[A-Za-z0-9_-]+", "nonce", text)


# What is kept, and how it is served.


def test_a_repeat_view_is_the_same_page_without_a_query(client, two_pages_of_news, territories):
    town = Town.objects.order_by("pk").first()
    for url in ("/", "/actualites/", "/actualites/?page=2", NEWS, town.get_absolute_url()):
        first, _ = _get(client, url)
        again, queries = _get(client, url)
        assert first.status_code == again.status_code == 200, url
        assert queries == 0, url
        assert _without_nonce(again.content.decode()) == _without_nonce(first.content.decode())


def test_each_answer_gets_its_own_csp_nonce_in_the_page_and_the_header(client, two_pages_of_news):
    nonces = set()
    for _ in range(3):
        response = client.get(NEWS)
        in_page = set(NONCE.findall(response.content.decode()))
        assert len(in_page) == 1
        nonce = in_page.pop()
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.add(nonce)
    assert len(nonces) == 3


def test_a_kept_page_keeps_its_headers(client, two_pages_of_news):
    first = client.get(NEWS)
    again, queries = _get(client, NEWS)
    assert queries == 0
    for header in (
        "Content-Type",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Vary",
    ):
        assert again.get(header) == first.get(header), header
    assert again["X-Frame-Options"] == "DENY"
    policy = _without_nonce(again["Content-Security-Policy"])
    assert policy == _without_nonce(first["Content-Security-Policy"])
    assert int(again["Content-Length"]) == len(again.content)
    assert not again.cookies


def test_head_is_answered_from_the_kept_page_without_a_body(client, two_pages_of_news):
    assert client.head(NEWS).status_code == 200
    assert _kept_pages() == 0  # only GET keeps a page
    get = client.get(NEWS)
    with CaptureQueriesContext(connection) as queries:
        head = client.head(NEWS)
    assert len(queries) == 0
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]


def test_a_renewed_scope_drops_its_town_page(client, territories, home_page):
    town = Town.objects.order_by("pk").first()
    url = town.get_absolute_url()
    client.get(url)
    assert _get(client, url)[1] == 0
    bump_scope_version(town_scope(town.pk))  # what its forum topics do
    response, queries = _get(client, url)
    assert response.status_code == 200
    assert queries > 0


# Who never gets, nor leaves, a kept page.


def test_signed_in_members_neither_get_nor_leave_a_kept_page(client, two_pages_of_news):
    client.get(NEWS)
    member = get_user_model().objects.create_user(
        email="membre@ville-agen.fr", password="une phrase de passe solide"
    )
    client.force_login(member)
    response, queries = _get(client, NEWS)
    assert queries > 0
    assert "Se déconnecter" in response.content.decode()

    client.get("/actualites/")  # not kept for anyone while signed in
    reader = Client()
    assert "Se déconnecter" not in reader.get("/actualites/").content.decode()
    assert _get(reader, "/actualites/")[1] == 0


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_session_or_pending_messages_bypass_the_kept_pages(client, two_pages_of_news, cookie):
    client.get(NEWS)
    client.cookies[cookie] = "quelque-chose"
    response, queries = _get(client, NEWS)
    assert response.status_code == 200
    assert queries > 0


def test_private_pages_are_never_kept(client, two_pages_of_news):
    by_login = NewsPage.objects.get(slug="actualite-1")
    by_password = NewsPage.objects.get(slug="actualite-2")
    PageViewRestriction.objects.create(page=by_login, restriction_type=PageViewRestriction.LOGIN)
    restriction = PageViewRestriction.objects.create(
        page=by_password, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        assert client.get(by_login.url).status_code == 302
        assert 'name="password"' in client.get(by_password.url).content.decode()

    unlocked = Client()
    form = f"/_util/authenticate_with_password/{restriction.pk}/{by_password.pk}/"
    posted = unlocked.post(form, {"password": "secret", "return_url": by_password.url})
    assert posted.status_code == 302
    assert "Actualité numéro 2" in unlocked.get(by_password.url).content.decode()

    assert _kept_pages() == 0
    assert 'name="password"' in Client().get(by_password.url).content.decode()


def test_a_preview_never_gets_the_kept_live_page(client, two_pages_of_news):
    # The live page, kept under the site's own host, which the preview's request uses.
    client.get(NEWS, HTTP_HOST="localhost")
    assert _get(client, NEWS, HTTP_HOST="localhost")[1] == 0
    page = NewsPage.objects.get(slug="actualite-3")
    page.title = "Actualité numéro 3 (brouillon)"
    page.save_revision()

    preview = page.get_latest_revision_as_object().make_preview_request()
    assert "(brouillon)" in preview.content.decode()
    assert "(brouillon)" not in client.get(NEWS, HTTP_HOST="localhost").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/actualites/?page=02",
        "/actualites/?page=%C2%B2",
        "/actualites/?page=2&page=2",
        "/actualites/?page=51",
        "/actualites/?page=2&axe=habitat",
        "/actualites/?utm_source=lettre",
        f"{NEWS}?page=2",
    ],
)
def test_other_queries_leave_no_kept_page(client, two_pages_of_news, url):
    for _ in range(2):
        assert client.get(url).status_code in {200, 404}
    assert _kept_pages() == 0


def test_only_the_hosts_own_spelling_keeps_a_page(client, two_pages_of_news):
    """Django accepts any case, a trailing dot and any port on an allowed host, and the page
    shows the host as sent: one kept copy per spelling would let a visitor fill the cache."""
    spellings = [
        "LOCALHOST",
        "LocalHost",
        "localhost.",
        "localhost:1",
        "localhost:2",
        "localhost.:80",
    ]
    for host in spellings:
        for _ in range(2):
            response = client.get(NEWS, HTTP_HOST=host)
            assert response.status_code == 200, host
            assert f"//{host}{NEWS}" in response.content.decode(), host
    assert _kept_pages() == 0

    for host in ("localhost", "localhost:80"):
        client.get(NEWS, HTTP_HOST=host)
        assert _get(client, NEWS, HTTP_HOST=host)[1] == 0, host
    assert _kept_pages() == 2


def test_errors_redirects_search_and_the_community_are_never_kept(client, two_pages_of_news):
    Redirect.objects.create(
        old_path="/ancienne-actualite", redirect_page=NewsPage.objects.get(slug="actualite-3")
    )
    expected = {
        "/actualites/inconnue/": 404,
        "/ancienne-actualite/": 301,
        "/actualites": 301,
        "/recherche/": 200,
        "/recherche/?q=actualité": 200,
        "/forum/": 200,
        "/groupes-de-travail/": 200,
    }
    for url, status in expected.items():
        for _ in range(2):
            assert client.get(url).status_code == status, url
    assert _kept_pages() == 0


# What the view answered decides whether it is kept.


def _middleware_serving(adjust: Callable[[HttpResponse], object]) -> tuple[Callable, list]:
    calls: list[HttpRequest] = []

    def view(request: HttpRequest) -> HttpResponse:
        calls.append(request)
        response = HttpResponse("<p>Une page</p>")
        response.context_data = {"content_cache_key": "1"}
        adjust(response)
        return response

    return PageCacheMiddleware(view), calls


@pytest.mark.parametrize(
    ("adjust", "kept"),
    [
        (lambda response: None, True),
        (lambda response: response.set_cookie("csrftoken", "jeton"), False),
        (lambda response: response.__setitem__("Cache-Control", "private"), False),
        (lambda response: response.__setitem__("Cache-Control", "no-store"), False),
        (lambda response: response.__setitem__("Vary", "Accept-Language"), False),
        (lambda response: setattr(response, "status_code", 203), False),
        (lambda response: setattr(response, "context_data", {}), False),
    ],
    ids=["plain", "cookie", "private", "no-store", "vary", "not-200", "undeclared"],
)
def test_only_plain_declared_responses_are_kept(rf, adjust, kept):
    middleware, calls = _middleware_serving(adjust)
    for _ in range(2):
        assert middleware(rf.get("/une-page/")).content == b"<p>Une page</p>"
    assert len(calls) == (1 if kept else 2)
