"""`/recherche/`: a first search over published pages (the faceted search comes next)."""

import re

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
# What the reader typed becomes plain words: quotes, brackets and colons are full-text
# operators to SQLite FTS5 (a stray one is a syntax error) and NUL is refused by PostgreSQL.
_NOT_A_WORD = re.compile(r"[^\w\s]+|_|\x00")


def _plain_words(query: str) -> str:
    # Lowercase: FTS5 reads AND, OR, NOT and NEAR as operators; matching ignores case anyway.
    return " ".join(_NOT_A_WORD.sub(" ", query).lower().split())


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    words = _plain_words(query)
    results = Page.objects.live().public().filter(depth__gt=2).search(words) if words else []
    page_obj = Paginator(results, 20).get_page(request.GET.get("page")) if query else None
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "title": f"Recherche : {query}" if query else "Recherche",
            "query": query,
            "page_obj": page_obj,
            # search imports no content app (DESIGN.md): a plain mapping is a breadcrumb too.
            "breadcrumbs": [{"title": "Accueil", "url": "/"}],
        },
    )
