"""One search as the page and the JSON API run it: parameters in, results out, logged."""

from dataclasses import dataclass
from typing import Any

from django.core import signing

from . import registry
from .audiences import audiences_for
from .backends import SearchRequest, SearchResults, get_backend
from .models import QueryLog
from .params import SearchParams, per_page
from .query import parse

CLICK_SALT = "search.click"


@dataclass
class SearchOutcome:
    params: SearchParams
    results: SearchResults
    log_id: int | None
    type_labels: dict[str, str]

    @property
    def last_page(self) -> int:
        return max(1, -(-self.results.total // per_page()))


def run(params: SearchParams, user: Any, log: bool = True) -> SearchOutcome:
    audiences = audiences_for(user)
    parsed = parse(params.raw_query)
    backend = get_backend()

    def execute() -> SearchResults:
        return backend.search(
            SearchRequest(
                query=parsed,
                audiences=audiences,
                filters=params.filters,
                sort=params.sort,
                offset=params.offset,
                limit=per_page(),
            )
        )

    results = execute() if params.raw_query else SearchResults([], 0, {})
    if params.raw_query and not results.hits and results.total and params.page > 1:
        params.page = max(1, -(-results.total // per_page()))
        params.messages.append("Cette page de résultats n’existe pas : voici la dernière page.")
        results = execute()
    log_id = None
    if log and params.raw_query:
        log_id = QueryLog.objects.create(
            query=parsed.text.lower()[:200],
            filters=params.as_log(),
            results=results.total,
            page=params.page,
        ).pk
    return SearchOutcome(params, results, log_id, registry.type_labels())


def click_token(log_id: int, url: str, position: int) -> str:
    return signing.dumps([log_id, url, position], salt=CLICK_SALT, compress=True)


def read_click_token(token: str) -> tuple[int, str, int] | None:
    try:
        log_id, url, position = signing.loads(token, salt=CLICK_SALT, max_age=86400)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(log_id), str(url), int(position)
