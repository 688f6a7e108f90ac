"""Wagtail's page serving with routes remembered between requests.

Wagtail finds a page by walking the tree from the site's root, two queries per level of the
URL; on a detail page that is most of the request's time. The route to a page (its id and
type) only changes when something is published, moved or unpublished, all of which bump
the content version, so routes are cached under it, and so is the site matching the host.
A remembered route still loads the page itself, and Wagtail's own checks (privacy, the
`before_serve_page` hooks) run as usual.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from .fragments import FRAGMENT_SECONDS, content_version


def _site_for(request: HttpRequest, version: str) -> Site | None:
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"route-site:{hostname}:{request.get_port()}:{version}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - cached with the site it belongs to
            cache.set(key, site, FRAGMENT_SECONDS)
    return site


def _remembered_route(key: str) -> RouteResult | None:
    remembered = cache.get(key)
    if remembered is None:
        return None
    page_id, content_type_id = remembered
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=page_id, live=True).first() if model else None
    return RouteResult(page) if page else None


def serve(request: HttpRequest, path: str) -> HttpResponse:
    version = content_version()
    site = _site_for(request, version)
    request._wagtail_site = site
    if site is None:
        return wagtail_serve(request, path)
    key = f"route:{site.pk}:{path}:{version}"
    route = _remembered_route(key)
    if route is not None:
        request._wagtail_route_for_request = route
        return wagtail_serve(request, path)
    response = wagtail_serve(request, path)
    route = getattr(request, "_wagtail_route_for_request", None)
    # Sub-routes of routable pages (feeds) carry a view; only plain page routes are kept.
    if route is not None and not route.args and not route.kwargs:
        cache.set(key, (route.page.pk, route.page.content_type_id), FRAGMENT_SECONDS)
    return response
