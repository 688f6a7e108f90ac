"""The site's page view restrictions, read in one query per request.

Every page served asks Wagtail which restrictions apply to it (its `check_view_restrictions`
hook: two queries), and every listing, related section and feed filters out restricted
paths (`querysets.publicly_visible`: one query each). A site has a handful of restrictions
at most, so each request reads them all once (`request_memo`) and answers both questions
from that list.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from wagtail.models import Page, PageViewRestriction

from . import request_memo
from .compiled import compiling
from .request_memo import per_request

REQUEST_KEY = "view-restrictions"
PATHS_KEY = "view-restricted-paths"


def any_restriction() -> Exists:
    """Whether any view restriction exists, for a query the request runs anyway (its site's,
    `sites`): most sites have none, and then `note_any_restriction` spares the request
    reading them."""
    return Exists(PageViewRestriction.objects.all())


def note_any_restriction(exists: bool) -> None:
    """What `any_restriction()` answered, read by the current request itself: when there is
    none, the request's list of restrictions is known to be empty."""
    memo = request_memo.current()
    if memo is not None and not exists:
        memo.setdefault(REQUEST_KEY, [])


def site_restrictions() -> list[PageViewRestriction]:
    """Every view restriction, with its page's `path` (`page_path`) and whether any page is
    an alias of its page or of a page below it (`page_aliased`: the alias shows a private
    page, so the restriction applies to it too)."""

    def read() -> list[PageViewRestriction]:
        aliases_below = Page.objects.filter(alias_of__path__startswith=OuterRef("page__path"))
        return list(
            PageViewRestriction.objects.annotate(
                page_path=F("page__path"), page_aliased=Exists(aliases_below)
            ).order_by("pk")
        )

    return per_request(REQUEST_KEY, read)


def restricted_paths() -> list[str]:
    """The paths of the restricted pages: their subtrees are hidden from anonymous readers.

    A query compiled once (`compiled`) must not read them while it is built: they would be
    baked into its SQL for the life of the process. It takes them as a shape argument."""
    if compiling():
        raise ImproperlyConfigured(
            "A compiled query reads the view restrictions: pass them as a shape argument "
            "(`published(hidden=...)`)."
        )

    def read() -> list[str]:
        restrictions = site_restrictions()
        paths = {restriction.page_path for restriction in restrictions}
        # An alias of a private page (private itself or through a section above it) shows
        # that page's title, summary and image: it is hidden too, and the pages below it.
        # Its path may in turn hold the source of another alias: until none is found.
        sources = [
            restriction.page_path for restriction in restrictions if restriction.page_aliased
        ]
        while sources:
            below = Q()
            for path in sources:
                below |= Q(alias_of__path__startswith=path)
            aliases = Page.objects.filter(below).values_list("path", flat=True)
            sources = sorted({path for path in aliases if not path.startswith(tuple(paths))})
            paths.update(sources)
        return sorted(paths)

    return per_request(PATHS_KEY, read)


def restrictions_for(page: Page) -> QuerySet[PageViewRestriction]:
    """The restrictions that apply to `page`: on it or an ancestor, as Wagtail's
    `Page.get_view_restrictions()` finds them, and, for an alias (or a page below one), on
    its source page or any page above the source, which Wagtail overlooks (an alias of a
    page in a private section would show it to anyone).

    The queryset comes already evaluated (iterating it or asking `.exists()` runs no
    query); chaining a filter on it queries as usual."""
    restrictions = site_restrictions()
    if not restrictions:
        return PageViewRestriction.objects.none()
    paths = [page.path]
    if any(restriction.page_aliased for restriction in restrictions):
        # Only then can an alias show a private page (`page_aliased`).
        ancestors = page.get_ancestors().exclude(alias_of=None).values_list("alias_of", flat=True)
        sources = {page.alias_of_id, *ancestors} - {None}
        paths.extend(Page.objects.filter(pk__in=sources).values_list("path", flat=True))
    applying = [r for r in restrictions if any(path.startswith(r.page_path) for path in paths)]
    queryset = PageViewRestriction.objects.filter(pk__in=[r.pk for r in applying])
    queryset._result_cache = applying
    return queryset
