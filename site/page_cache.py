"""Whole public pages for anonymous readers, kept under the content version.

Most visitors are anonymous, and for them a public page is the same bytes every time until
what readers can see changes. Its main content, chrome and route are already cached
(`cms.core.fragments`), but assembling a page from them still runs the middleware stack,
the route's queries and the template: most of a cached page's CPU time (bench/RESULTS.md).
This middleware keeps the response itself and answers repeat requests before the session,
CSRF, authentication and the view run.

What it keeps, and under which key, follows the portal's existing rules:

- Only anonymous GET (and HEAD, from what GET kept): a request with a session or messages
  cookie is never answered from here nor stored (signed-in members, editors, password-page
  visitors, pending messages); nor is the admin, nor a Wagtail preview (its made-up request
  for the page's own URL carries no cookie).
- Only a page whose view declared its content cacheable for this very request
  (`content_cache_key`): previews, signed-in readers, filtered listings and far page
  numbers never get one, and nor do private pages (Wagtail answers them with a redirect or
  its password form before the page's view runs), documents, search or the community.
- Only a plain 200 that sets no cookie (a page that used a CSRF token sets one), asks no
  `private`/`no-store`/`no-cache` and varies on nothing but the cookie. Redirects are not
  kept: they are cheap, and login redirects depend on privacy.
- Only the host's one spelling: lower case, no trailing dot, no port but the one the server
  listens on. Django accepts any spelling of an allowed host (`LOCALHOST.:1234`), and the
  page shows the host as sent (canonical link), so each spelling would keep its own copy
  of every page: tens of thousands per page from one visitor, evicting the real ones.
- The key is what decides the bytes: scheme, host, path and the query normalised as the
  listings normalise it (no query, or `?page=N` on a listing, which accepts only its one
  canonical spelling), under the content version: the one invalidation rule
  (`cms.core.signals`) drops every page at once. A page that read scope versions (a town's
  forum topics) keeps them beside it, and is not used once one of them was renewed.
- The CSP nonce is per response: the page is kept with its nonce cut out and every answer
  gets a fresh one, in the body and in the header.

`FRAGMENT_CACHE_ENABLED = False` switches it off with every other cache.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import cc_delim_re

from cms.core.fragments import (
    FRAGMENT_SECONDS,
    caching_enabled,
    content_version,
    current_scope_versions,
    scopes_read,
)
from cms.core.models.base import IndexPage

from .security import new_nonce

KEY_PREFIX = "page-cache"
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/")
# What a cached page is kept as: the scope versions it read, its status-200 headers and its
# body, each cut at the response's CSP nonce.
Entry = tuple[dict[str, str], list[tuple[str, tuple[str, ...]]], tuple[bytes, ...]]


def _query_part(request: HttpRequest) -> str | None:
    """The query as the key holds it, or None when the request may not use the cache.

    Only a lone `page` parameter is kept: whether its value is the listing's canonical
    spelling is the listing's decision (`IndexPage.get_content_cache_key`), made before a
    page is stored, so other spellings miss and are never stored."""
    if not request.GET:
        return ""
    if list(request.GET) != ["page"] or len(request.GET.getlist("page")) != 1:
        return None
    return f"page={request.GET['page']}"


def _canonical_host(request: HttpRequest) -> bool:
    """Whether the request names its host in the one spelling whose pages are kept."""
    host = request.get_host()
    # Django's own reading of it: the domain in lower case, without its trailing dot.
    domain, port = split_domain_port(host)
    return (
        bool(domain)
        and host == (f"{domain}:{port}" if port else domain)
        and port in {"", str(request.META.get("SERVER_PORT", ""))}
    )


def _key(request: HttpRequest, query: str) -> str:
    # repr() keeps the parts apart whatever characters the path or the query holds.
    address = repr((request.scheme, request.get_host(), request.path, query))
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{KEY_PREFIX}:{digest}:{content_version()}"


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        caching_enabled()
        # Wagtail's previews run the middleware on a made-up request for the page's URL.
        and not getattr(request, "is_dummy", False)
        and request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and _canonical_host(request)
    )


def _declared_cacheable(response: HttpResponse, query: str) -> bool:
    """The view said its content may be cached for this request; with a query, only a
    listing did (its key holds the page number; a detail page ignores `?page=`)."""
    context = getattr(response, "context_data", None) or {}
    if not context.get("content_cache_key"):
        return False
    return not query or isinstance(context.get("page"), IndexPage)


def _plain_public_response(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & {"private", "no-store", "no-cache"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    return vary <= {"", "cookie"}


def _entry(request: HttpRequest, response: HttpResponse) -> Entry:
    nonce = getattr(request, "csp_nonce", None)

    def cut(value: str) -> tuple[str, ...]:
        return tuple(value.split(nonce)) if nonce else (value,)

    headers = [
        (name, cut(value))
        for name, value in response.items()
        if name.lower() not in {"content-length", "set-cookie"}
    ]
    body = tuple(response.content.split(nonce.encode())) if nonce else (response.content,)
    return scopes_read(), headers, body


def _response(entry: Entry) -> HttpResponse | None:
    """The kept page with a fresh nonce, or None if a scope it read was renewed since."""
    scopes, headers, body = entry
    if scopes and current_scope_versions(list(scopes)) != scopes:
        return None
    nonce = new_nonce()
    response = HttpResponse(nonce.encode().join(body))
    for name, parts in headers:
        response[name] = nonce.join(parts)
    response["Content-Length"] = str(len(response.content))
    return response


class PageCacheMiddleware:
    """Answers anonymous readers' repeat requests for public pages with the kept page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = _query_part(request) if _may_use_cache(request) else None
        if query is None:
            return self.get_response(request)
        key = _key(request, query)
        entry = cache.get(key)
        if entry is not None:
            kept = _response(entry)
            if kept is not None:
                return kept
        response = self.get_response(request)
        if (
            request.method == "GET"
            and _declared_cacheable(response, query)
            and _plain_public_response(response)
        ):
            cache.set(key, _entry(request, response), FRAGMENT_SECONDS)
        return response
