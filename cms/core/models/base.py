"""The abstract pages every page type of the portal derives from."""

from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from cms.core.breadcrumbs import Crumb
from cms.core.compiled import CompiledShape
from cms.core.fragments import lazy
from cms.core.page_walk import route_below, walks_to_children
from cms.core.querysets import ListedPageQuerySet, hidden_paths, publicly_visible
from cms.core.restrictions import restrictions_for


class BasePage(Page):
    """Shared behaviour: breadcrumbs from the page tree, SEO and Open Graph metadata."""

    show_in_menus_default = False
    # Foreign keys the page's template shows, read with the page when it is served
    # (`page_walk`): `("town__department", "phase")` instead of one query each.
    served_with: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    @walks_to_children
    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """Wagtail's routing, reading the pages along the URL in one query (`page_walk`)."""
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)

    def get_breadcrumbs(self, request: HttpRequest | None = None) -> list[Crumb]:
        """Home, then each ancestor below it: the ones routing read on the way to this
        page, else one query (the site and its root paths are the request's, which Wagtail
        reads once per request)."""
        walked = getattr(self, "walked_ancestors", None)
        if walked and walked[0].depth <= 2:
            ancestors = [page for page in walked if page.depth > 2]
        else:
            ancestors = self.get_ancestors().filter(depth__gt=2).only("title", "url_path")
        crumbs = [Crumb("Accueil", "/")]
        for ancestor in ancestors:
            crumbs.append(Crumb(ancestor.title, ancestor.get_url(request=request)))
        return crumbs

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        """Wagtail's answer (checked on every page served), from the restrictions the
        request has already read (`cms.core.restrictions`) instead of two queries, and
        those of the sections above an alias's source, which Wagtail overlooks."""
        return restrictions_for(self)

    def get_meta_description(self) -> str:
        return self.search_description or getattr(self, "summary", "") or ""

    def get_content_cache_key(self, request: HttpRequest) -> str | None:
        """What the main content depends on, or None when it must not be cached.

        A page's content depends on the page alone (and the content version, which every
        publication changes); previews and signed-in editors always get a fresh render.
        """
        if getattr(request, "is_preview", False) or request.user.is_authenticated:
            return None
        return str(self.pk)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = (
            [] if self.depth <= 2 else lazy(lambda: self.get_breadcrumbs(request))
        )
        context["meta_description"] = self.get_meta_description()
        context["content_cache_key"] = self.get_content_cache_key(request)
        return context


def _first_published(*, model: type[Page], hidden: tuple[str, ...]) -> QuerySet[Page]:
    return model._default_manager.live().filter(publicly_visible(hidden))[:1]


# Card sections and feeds link to their listing on every page that shows them.
_FIRST_PUBLISHED = CompiledShape(_first_published)


class _CardWindows:
    """Cards read a page at a time by `read(start, stop)`, sliced as Django's paginator
    slices a queryset."""

    def __init__(self, read: Callable[[int, int], list[Any]]) -> None:
        self.read = read

    def __getitem__(self, window: slice) -> list[Any]:
        return self.read(window.start, window.stop)


class IndexPage(BasePage):
    """A listing of child pages with filters in the URL and pagination."""

    per_page: ClassVar[int] = 12
    # Listings of the demo volume reach 50 pages; later pages are rendered on each request.
    cached_pages: ClassVar[int] = 50
    introduction = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, "introduction"]

    class Meta:
        abstract = True

    def get_content_cache_key(self, request: HttpRequest) -> str | None:
        """Unfiltered listing pages are cached per page number, the first `cached_pages` of
        them and only under the number's one spelling (`?page=2`, not `02`, `²` or `٢`);
        filtered ones are not, so arbitrary query strings cannot fill the cache."""
        key = super().get_content_cache_key(request)
        if key is None or set(request.GET) - {"page"}:
            return None
        number = request.GET.get("page", "1")
        canonical = number.isascii() and number.isdigit() and not number.startswith("0")
        # Its length before its value: Python refuses to read more than 4,300 digits.
        if (
            not canonical
            or len(number) > len(str(self.cached_pages))
            or int(number) > self.cached_pages
        ):
            return None
        return f"{key}:{number}"

    @classmethod
    def first_published(cls) -> "IndexPage | None":
        """The first live and public page of this type (a listing is published once)."""
        found = _FIRST_PUBLISHED.rows(model=cls, hidden=hidden_paths())
        return found[0] if found else None

    @classmethod
    def published_url(cls, **params: str) -> str | None:
        """The URL of this type's published listing, filtered by `params` (`axe=habitat`);
        None while none is published."""
        index = cls.first_published()
        url = index.get_url() if index else None
        if not url:
            return None
        return f"{url}?{urlencode(params)}" if params else url

    def paginate(
        self,
        request: HttpRequest,
        items: ListedPageQuerySet,
        count: int | None = None,
        read_cards: Callable[[int, int], list[Any]] | None = None,
    ) -> PaginatorPage:
        """The requested page of `items`, as cards (`for_cards`), or as `read_cards(start,
        stop)` reads them when given. They are counted as given (unless the caller already
        knows their number, `count`): counting the cards' query, with its joins and
        annotations to strip, cost twice as much to compile for the same number."""
        cards = items.for_cards() if read_cards is None else _CardWindows(read_cards)
        paginator = Paginator(cards, self.per_page)
        paginator.count = items.count() if count is None else count
        return paginator.get_page(request.GET.get("page"))
