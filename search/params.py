"""The search page's URL parameters, read defensively (hostile input never raises)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.http import QueryDict

from .analysis import clean
from .backends.base import SORTS
from .documents import FACETS
from .query import MAX_QUERY_LENGTH


def per_page() -> int:
    return getattr(settings, "SEARCH_RESULTS_PER_PAGE", 20)


# Facet field → its URL parameter, in French like the portal's other listings (`?axe=`,
# `?ville=`). The field names themselves are still read, so links shared before stay valid.
URL_NAMES: dict[str, str] = {
    "type": "type",
    "axis": "axe",
    "theme": "theme",
    "region": "region",
    "department": "departement",
    "town": "ville",
    "tag": "tag",
    "year": "annee",
}
assert set(URL_NAMES) == set(FACETS)

MAX_PAGE = 500
MAX_VALUES_PER_FACET = 10
MAX_VALUE_LENGTH = 120


@dataclass
class SearchParams:
    raw_query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    messages: list[str] = field(default_factory=list)

    @property
    def offset(self) -> int:
        return (self.page - 1) * per_page()

    def as_log(self) -> dict[str, list[str]]:
        return {name: values for name, values in self.filters.items() if values}


def _page_number(value: str | None, messages: list[str]) -> int:
    if value is None or value == "":
        return 1
    if value.isascii() and value.isdigit() and len(value) < 7 and int(value) >= 1:
        number = int(value)
        if number > MAX_PAGE:
            messages.append(f"Seules les {MAX_PAGE} premières pages de résultats sont affichées.")
            return MAX_PAGE
        return number
    messages.append("Le numéro de page n’est pas valide : voici la première page.")
    return 1


def read(data: QueryDict) -> SearchParams:
    messages: list[str] = []
    raw_query = clean(data.get("q", "")).strip()
    if len(raw_query) > MAX_QUERY_LENGTH:
        messages.append(
            f"Votre recherche a été raccourcie à ses {MAX_QUERY_LENGTH} premiers caractères."
        )
        raw_query = raw_query[:MAX_QUERY_LENGTH]
    filters: dict[str, list[str]] = {}
    for name in FACETS:
        values = []
        raw = data.getlist(URL_NAMES[name]) or data.getlist(name)
        for value in raw[:MAX_VALUES_PER_FACET]:
            value = clean(value).strip()[:MAX_VALUE_LENGTH]
            if value and value not in values:
                values.append(value)
        if values:
            filters[name] = values
    sort = data.get("tri", "pertinence")
    sort = {"pertinence": "relevance", "date": "date"}.get(sort, "relevance")
    assert sort in SORTS
    return SearchParams(
        raw_query=raw_query,
        filters=filters,
        sort=sort,
        page=_page_number(data.get("page"), messages),
        messages=messages,
    )
