"""The interface every search backend implements, and what a search returns."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from ..documents import SearchDocument
from ..query import ParsedQuery

SORTS = ("relevance", "date")
Progress = Callable[[int], None]


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    audiences: frozenset[str]
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20


@dataclass(frozen=True)
class Hit:
    key: str
    type: str
    title: str
    url: str
    date: datetime.date | None
    snippet: SafeString


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    suggestion: str | None = None
    #: True when `total` is a lower bound: the search stopped counting there, and the facet
    #: counts are those of the matches counted (database backends: `COUNT_LIMIT`).
    total_is_lower_bound: bool = False


class SearchBackend:
    name = "base"

    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents; returns how many."""
        raise NotImplementedError

    def remove(self, keys: Iterable[str]) -> None:
        raise NotImplementedError

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Replace the whole index by `documents` (bulk); returns how many were indexed."""
        raise NotImplementedError

    def search(self, request: SearchRequest) -> SearchResults:
        raise NotImplementedError

    def autocomplete(
        self, query: ParsedQuery, audiences: frozenset[str], limit: int = 8
    ) -> list[Hit]:
        raise NotImplementedError

    def check(self) -> list[str]:
        """Problems found at start-up (empty when the backend can serve)."""
        return []
