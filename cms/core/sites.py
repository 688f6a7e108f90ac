"""The site serving a request, read in one query together with its chrome settings.

Wagtail's `Site.find_for_request` ranks the candidate sites in SQL (a `Case`/`When`
annotation) and every public page then reads the site's portal and navigation settings
(`chrome`) in a query of their own. Here the same candidates (the host's sites and the
default site: one or two rows) come in one plain query, with their root page as Wagtail
reads it and both settings rows joined, and Wagtail's ranking runs in Python on them. The
site is then handed to Wagtail (`request._wagtail_site`), which asks no further. The same
query tells whether any page view restriction exists: most often none, and the request then
need not read them (`restrictions`).
"""

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

from .compiled import CompiledShape
from .restrictions import any_restriction, note_any_restriction

# Wagtail's ranks (`wagtail.models.sites.get_site_for_hostname`), best first.
MATCH_HOSTNAME_PORT = 0
MATCH_HOSTNAME_DEFAULT = 1
MATCH_DEFAULT = 2
MATCH_HOSTNAME = 3

# The settings every public page shows (`chrome`), joined to the site row.
CHROME_SETTINGS = ("portalsettings", "navigationsettings")


def _candidates(hostname: str) -> QuerySet[Site]:
    """The sites named `hostname` and the default site, with their root page and chrome
    settings, and whether any view restriction exists."""
    return (
        Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
        .select_related("root_page", *CHROME_SETTINGS)
        .annotate(any_view_restriction=any_restriction())
        .order_by()
    )


# Every request runs it: compiled once per process.
CANDIDATES = CompiledShape(_candidates)


def _rank(site: Site, hostname: str, port: int | None) -> int:
    if site.hostname == hostname and site.port == port:
        return MATCH_HOSTNAME_PORT
    if site.hostname == hostname and site.is_default_site:
        return MATCH_HOSTNAME_DEFAULT
    if site.is_default_site:
        return MATCH_DEFAULT
    return MATCH_HOSTNAME


def choose_site(candidates: list[Site], hostname: str, port: int | None) -> Site | None:
    """The site Wagtail's `get_site_for_hostname` picks among `candidates` (the sites
    named `hostname` and the default site): hostname and port, then hostname and default,
    then a unique hostname match, then the default site; None when several sites share the
    hostname on other ports and none is the default."""
    sites = sorted(candidates, key=lambda site: _rank(site, hostname, port))
    if not sites:
        return None
    best = _rank(sites[0], hostname, port)
    if len(sites) == 1 or best in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return sites[0]
    if best == MATCH_DEFAULT:
        return sites[len(sites) == 2]
    return None


def site_for_request(request: HttpRequest) -> Site | None:
    """The request's site as Wagtail finds it (`Site.find_for_request`), read once per
    request with its chrome settings; Wagtail's own lookups then reuse it."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    # As Wagtail: the raw host, so that a disallowed host still finds no site quietly.
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port: int | None = int(request.get_port())
    except ValueError:
        port = None
    candidates = CANDIDATES.rows(hostname)
    if candidates:
        note_any_restriction(candidates[0].any_view_restriction)
    request._wagtail_site = choose_site(candidates, hostname, port)
    return request._wagtail_site
