"""`/recherche/`: a first search over published pages (the faceted search comes next)."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.live().public().filter(depth__gt=2).search(query) if query else []
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
