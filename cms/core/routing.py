"""Wagtail's page routing, remembered between requests.

Wagtail finds a page by matching the site to the host, then walking the tree from the
site's root, two queries per level of the URL: on a cached page that is most of the
request's CPU time (bench/RESULTS.md). The route to a page (its id and type) and the site of
a host only change when what readers see changes, which bumps the content version
(`signals`), so both are remembered under it. The middleware only hands Wagtail's own
`serve` view a route it found earlier: Wagtail's URLs (`_util/login/`, the password form),
its privacy checks and `before_serve_page` hooks, redirects and routable sub-pages all run
as usual; only plain page routes are remembered, never a routable page's sub-route.

The route it does not remember, and every route when the caches are off, it finds itself as
Wagtail would (`page_walk.route_for_site`), on the site read with the chrome's settings
(`sites`): a query less than Wagtail's lookup, and one less again for the site's settings.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from .chrome import read_menu_pages_along
from .fragments import FRAGMENT_SECONDS, caching_enabled, content_version, remember
from .page_walk import route_for_site
from .sites import site_for_request


def _site_for(request: HttpRequest) -> Site | None:
    hostname = split_domain_port(request.get_host())[0]

    def find() -> Site | None:
        return site_for_request(request)  # with its root page, remembered with it

    return remember(f"route-site:{hostname}:{request.get_port()}", find)


def _remembered_route(key: str) -> RouteResult | None:
    remembered = cache.get(key)
    if remembered is None:
        return None
    page_id, content_type_id = remembered
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=page_id, live=True).first() if model else None
    return RouteResult(page) if page else None


class RouteCacheMiddleware:
    """Serves Wagtail pages through routes remembered under the content version."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_portal_route_key", None)
        route = getattr(request, "_wagtail_route_for_request", None)
        if key and route is not None and not route.args and not route.kwargs:
            cache.set(key, (route.page.pk, route.page.content_type_id), FRAGMENT_SECONDS)
        return response

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict[str, Any]
    ) -> None:
        if view is not wagtail_serve:
            return
        path = args[0] if args else kwargs.get("path", "")
        if not caching_enabled():
            site = site_for_request(request)
            if site is not None:
                read_menu_pages_along(site)
            request._wagtail_route_for_request = route_for_site(site, request, path)
            return
        site = _site_for(request)
        request._wagtail_site = site
        if site is None:
            return
        key = f"route:{site.pk}:{path}:{content_version()}"
        route = _remembered_route(key)
        if route is None:
            request._portal_route_key = key
            route = route_for_site(site, request, path)
        request._wagtail_route_for_request = route
