"""Which pages the browser tests look at: one per page type, found in the site's sitemap.

A page type is recognised by its path: the first segment and the depth (`/guides/` is the
guide index, `/guides/<slug>/` a guide). New sections are picked up as soon as they appear
in `/sitemap.xml`, with no change here.
"""

import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# Pages the sitemap may not list: search, a filtered list, the map, an error page, Wagtail's
# front-end login (private pages send visitors there).
FIXED_PAGES = (
    ("/", 200),
    ("/recherche/?q=habitat", 200),
    ("/recherche/?q=commerce&axe=Habitat&tri=date", 200),
    ("/recherche/?q=zzyzzx", 200),
    ("/recherche/?q=ville&page=2", 200),
    ("/villes/?region=84", 200),
    ("/carte/", 200),
    ("/axes/", 200),
    ("/lettre-d-information/", 200),
    ("/lettre-d-information/merci/", 200),
    ("/lettre-d-information/confirmation/lien-invalide/", 400),
    ("/lettre-d-information/archives/", 200),
    ("/lettre-d-information/archives/novembre-2026/", 200),
    ("/cette-page-n-existe-pas/", 404),
    ("/comptes/connexion/", 200),
    ("/comptes/inscription/", 200),
    ("/comptes/mot-de-passe/oubli/", 200),
    ("/_util/login/?next=/", 200),
)


@dataclass(frozen=True)
class SitePage:
    path: str
    expected_status: int = 200

    @property
    def kind(self) -> tuple[str, int]:
        segments = [segment for segment in urlsplit(self.path).path.split("/") if segment]
        return (segments[0] if segments else "", len(segments))


def sitemap_paths(base_url: str) -> list[str]:
    """Every path listed by the sitemap, following a sitemap index if there is one."""
    paths: list[str] = []
    pending = [f"{base_url}/sitemap.xml"]
    while pending:
        with urllib.request.urlopen(pending.pop(0), timeout=60) as response:
            root = ET.fromstring(response.read())
        for location in root.iter(f"{SITEMAP_NAMESPACE}loc"):
            address = urlsplit((location.text or "").strip())
            if root.tag == f"{SITEMAP_NAMESPACE}sitemapindex":
                pending.append(f"{base_url}{address.path}?{address.query}".rstrip("?"))
            else:
                paths.append(address.path or "/")
    return paths


def pages_by_kind(paths: list[str]) -> list[SitePage]:
    """The first page of each kind among `paths`, in the order they come."""
    chosen: dict[tuple[str, int], SitePage] = {}
    for path in paths:
        page = SitePage(path)
        chosen.setdefault(page.kind, page)
    return list(chosen.values())


def pages_to_check(base_url: str) -> list[SitePage]:
    """One page per type from the sitemap, plus the fixed pages, without duplicates."""
    pages = [SitePage(path, status) for path, status in FIXED_PAGES]
    seen = {page.path for page in pages}
    for page in pages_by_kind(sitemap_paths(base_url)):
        if page.path not in seen:
            pages.append(page)
            seen.add(page.path)
    return pages
