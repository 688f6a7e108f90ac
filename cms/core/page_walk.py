"""Wagtail's page routing, with the pages along the URL read in one query.

Wagtail finds `/guides/mon-guide/` by walking down from the site's root page: for each URL
segment, one query for the child with that slug and one for its specific type. Here the
pages below the root bearing one of the URL's slugs are read at once (through the slug
index), the walk runs in memory by Wagtail's rules (the child of the page reached with
the segment's slug), and only the page served is read as its specific type. A page type whose `route()` decides something else (a
routable page serving a sub-route of its own) is handed the rest of the URL, as in Wagtail.
As in Wagtail: a missing segment or a draft page served is a 404, a draft on the way does
not stop the walk, and privacy is checked when the page is served, not here.

The same query also reads the few pages another part of the request asked for beforehand
(`read_along`: the pages the menus link to), instead of a query of their own.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from . import request_memo
from .compiled import CompiledShape

ROW_FIELDS = ("id", "path", "depth", "slug", "url_path", "title", "live", "content_type_id")

# Pages another part of the request will need (the menus' links, `chrome`), read by the
# walk's query rather than by one of their own: their ids, then the rows read.
ALONG = "walk-reads-along"
READ_ALONG = "walk-read-along"

RouteMethod = Callable[..., RouteResult]


def walks_to_children(route: RouteMethod) -> RouteMethod:
    """Marks a `route()` override that routes exactly as Wagtail's `Page.route`."""
    route.walks_to_children = True  # type: ignore[attr-defined]
    return route


def _routes_as_wagtail(model: type[Page]) -> bool:
    return model.route is Page.route or getattr(model.route, "walks_to_children", False)


def read_along(page_ids: set[int]) -> None:
    """Asks the current request's walk (if it has one still to come) to read these pages
    too, with the fields of `ROW_FIELDS`; `read_along_the_walk` then gives them."""
    memo = request_memo.current()
    if memo is not None and page_ids:
        memo[ALONG] = page_ids


def read_along_the_walk(page_ids: set[int]) -> dict[int, Page] | None:
    """The pages of `page_ids` the walk read along (`read_along`), or None if it did not
    read them all."""
    read = (request_memo.current() or {}).get(READ_ALONG, {})
    if not page_ids <= read.keys():
        return None
    return {pk: read[pk] for pk in page_ids}


def _walks_on(model: type[Page], page: Page, remaining: list[str]) -> bool:
    """Whether `page.route(request, remaining)` would only look for its child
    `remaining[0]`: a routable page first serves a sub-route of its own, if live and one
    matches (`RoutablePageMixin.route`)."""
    if _routes_as_wagtail(model):
        return True
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return True
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return True
    return False


def _served(pk: int, *, model: type[Page]) -> QuerySet[Page]:
    queryset = model._default_manager.filter(pk=pk).order_by()
    if any(field.name == "listing_image" for field in model._meta.concrete_fields):
        # A page's card image is also its Open Graph image (base.html).
        queryset = queryset.select_related("listing_image")
    # What the page type shows of its foreign keys (`BasePage.served_with`), in the same query.
    if served_with := getattr(model, "served_with", ()):
        queryset = queryset.select_related(*served_with)
    return queryset


def _candidates(
    slugs: list[str], deeper_than: int, at_most: int, along: list[int]
) -> QuerySet[Page]:
    # Only the slug index narrows this down: a condition on the root's path would make
    # PostgreSQL scan the whole site's subtree. The walk keeps to the root's descendants.
    condition = Q(slug__in=slugs, depth__gt=deeper_than, depth__lte=at_most)
    if along:
        # The pages read along cannot change the walk: one that the walk would take bears
        # one of the slugs at one of the depths, so it is a candidate anyway.
        condition |= Q(pk__in=along)
    return Page.objects.filter(condition).only(*ROW_FIELDS).order_by("path")


# Every page served runs both: compiled once per process (per page type, per number of
# slugs and of pages read along).
SERVED = CompiledShape(_served)
CANDIDATES = CompiledShape(_candidates)


def _specific(page: Page, model: type[Page], walked: list[Page]) -> Any:
    found = SERVED.rows(page.pk, model=model)
    if not found:
        raise model.DoesNotExist(f"{model._meta.object_name} {page.pk} is gone.")
    specific = found[0]
    specific._cached_parent_obj = walked[-1]
    # Its ancestors from the routing root down, for the breadcrumbs (`BasePage`).
    specific.walked_ancestors = walked
    return specific


def route_below(root: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    """What `root.route(request, components)` answers with Wagtail's `Page.route`, for at
    least one component, in two queries for the plain pages of the portal."""
    along = sorted((request_memo.current() or {}).pop(ALONG, set()))
    candidates = CANDIDATES.rows(
        sorted(set(components)), root.depth, root.depth + len(components), along
    )
    if along:
        request_memo.current()[READ_ALONG] = {
            page.pk: page for page in candidates if page.pk in along
        }
    walked: list[Page] = [root]
    for index, slug in enumerate(components):
        parent = walked[-1]
        page = next(
            (
                candidate
                for candidate in candidates
                if candidate.slug == slug
                and candidate.depth == parent.depth + 1
                and candidate.path.startswith(parent.path)
            ),
            None,
        )
        if page is None:
            raise Http404
        page._cached_parent_obj = parent
        remaining = components[index + 1 :]
        model = page.specific_class or Page
        if remaining and _walks_on(model, page, remaining):
            walked.append(page)
            continue
        specific = _specific(page, model, walked)
        if remaining or not _routes_as_wagtail(model):
            return specific.route(request, remaining)
        if not specific.live:
            raise Http404
        return RouteResult(specific)
    raise AssertionError("route_below needs at least one component")


def route_for_site(site: Site | None, request: HttpRequest, path: str) -> RouteResult | None:
    """What Wagtail's `Page.route_for_request` answers for `path` on `site` (None: a 404).

    Wagtail first reads the site's root page as its specific type, only to call its
    `route()`; when that routes as Wagtail's (the portal's home page), the walk below the
    root needs nothing but the root's path and depth, already read with the site."""
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root = site.root_page.localized
    model = root.specific_class
    try:
        if components and model is not None and _routes_as_wagtail(model):
            return route_below(root, request, components)
        return root.specific.route(request, components)
    except Http404:
        return None
