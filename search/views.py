"""`/recherche/` and its JSON endpoints, the OpenSearch description and click pings."""

from typing import Any
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from coeurdeville import ratelimit

from . import params as search_params
from . import service
from .audiences import audiences_for
from .backends import get_backend
from .documents import FACETS
from .models import ResultClick
from .promotions import promoted_pages
from .query import parse

AUTOCOMPLETE_LIMIT = 8
# Requests per minute and per address; generous for people, a brake for scrapers.
RATE_LIMITS = {
    "search": (60, 60),
    "search.api": (60, 60),
    "search.autocomplete": (240, 60),
    "search.click": (120, 60),
}


def _check_rate(request: HttpRequest, scope: str) -> ratelimit.RateLimited | None:
    limit, period = ratelimit.limit_for(scope, RATE_LIMITS[scope])
    try:
        ratelimit.hit(scope, ratelimit.client_ip(request), limit=limit, period=period)
    except ratelimit.RateLimited as exc:
        return exc
    return None


def _json_refusal(exc: ratelimit.RateLimited) -> JsonResponse:
    return ratelimit.too_many_requests(JsonResponse({"error": exc.message}, status=429), exc)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    params = search_params.read(request.GET)
    refused = _check_rate(request, "search")
    if refused:
        response = TemplateResponse(
            request,
            "search/search.html",
            {"title": "Recherche", "query": "", "params": params, "refusal": refused.message},
        )
        return ratelimit.too_many_requests(response, refused)
    outcome = service.run(params, request.user)
    results = outcome.results
    hits = [
        {
            "hit": hit,
            "type_label": outcome.type_labels.get(hit.type, hit.type),
            # <a ping> only takes absolute http(s) URLs.
            "ping": request.build_absolute_uri(
                f"{reverse('search-click')}?t="
                + quote(service.click_token(outcome.log_id, hit.url, params.offset + index + 1))
            )
            if outcome.log_id
            else "",
        }
        for index, hit in enumerate(results.hits)
    ]
    active = [
        {
            "field_label": FACETS[field],
            "label": _label(results, field, value),
            "remove_url": _url_without(request, field, value),
        }
        for field, values in params.filters.items()
        for value in values
    ]
    facets = [
        {
            "field": field,
            "param": search_params.URL_NAMES[field],
            "label": FACETS[field],
            "values": results.facets[field],
        }
        for field in FACETS
        if field in results.facets
    ]
    query = params.raw_query
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "title": f"Recherche : {query}" if query else "Recherche",
            "query": query,
            "params": params,
            "results": results,
            "hits": hits,
            "facets": facets,
            "active_filters": active,
            "selected": {
                f"{field}:{value}" for field, values in params.filters.items() for value in values
            },
            "suggestion_url": _url_with_query(request, results.suggestion),
            "clear_filters_url": _url_with_query(request, query, keep_filters=False),
            "promotions": promoted_pages(query) if query and params.page == 1 else [],
            "page_number": params.page,
            "last_page": outcome.last_page,
            "pages": _page_links(params.page, outcome.last_page),
            "breadcrumbs": [{"title": "Accueil", "url": "/"}],
        },
    )


def _url_without(request: HttpRequest, field: str, value: str) -> str:
    data = request.GET.copy()
    for name in {search_params.URL_NAMES[field], field}:
        data.setlist(name, [v for v in data.getlist(name) if v != value])
    data.pop("page", None)
    return f"?{data.urlencode()}"


def _url_with_query(request: HttpRequest, query: str | None, keep_filters: bool = True) -> str:
    if not query:
        return ""
    data = request.GET.copy() if keep_filters else QueryDict(mutable=True)
    data["q"] = query
    data.pop("page", None)
    return f"?{data.urlencode()}"


def _label(results: Any, field: str, value: str) -> str:
    for facet_value in results.facets.get(field, []):
        if facet_value.value == value:
            return facet_value.label
    return value


def _page_links(current: int, last: int) -> list[int | None]:
    """Page numbers around the current one, None for a gap."""
    wanted = {1, last, current - 1, current, current + 1}
    numbers = sorted(n for n in wanted if 1 <= n <= last)
    links: list[int | None] = []
    for number in numbers:
        if links and links[-1] is not None and number - links[-1] > 1:
            links.append(None)
        links.append(number)
    return links


@require_safe
def results_api(request: HttpRequest) -> JsonResponse:
    if refused := _check_rate(request, "search.api"):
        return _json_refusal(refused)
    params = search_params.read(request.GET)
    outcome = service.run(params, request.user)
    results = outcome.results
    return JsonResponse(
        {
            "query": params.raw_query,
            "filters": params.filters,
            "sort": "date" if params.sort == "date" else "pertinence",
            "page": params.page,
            "pages": outcome.last_page,
            "total": results.total,
            "total_is_lower_bound": results.total_is_lower_bound,
            "messages": params.messages,
            "suggestion": results.suggestion,
            "results": [
                {
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url),
                    "type": hit.type,
                    "type_label": outcome.type_labels.get(hit.type, hit.type),
                    "date": hit.date.isoformat() if hit.date else None,
                    "snippet": str(hit.snippet),
                }
                for hit in results.hits
            ],
            "facets": {
                field: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                for field, values in results.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def autocomplete_api(request: HttpRequest) -> JsonResponse:
    if refused := _check_rate(request, "search.autocomplete"):
        return _json_refusal(refused)
    params = search_params.read(request.GET)
    parsed = parse(params.raw_query)
    hits = get_backend().autocomplete(parsed, audiences_for(request.user), AUTOCOMPLETE_LIMIT)
    if request.GET.get("format") == "opensearch":
        # The OpenSearch suggestions format browsers read: [query, [completions]].
        return JsonResponse([params.raw_query, [hit.title for hit in hits]], safe=False)
    from .registry import type_labels

    labels = type_labels()
    return JsonResponse(
        {
            "query": params.raw_query,
            "suggestions": [
                {"title": hit.title, "url": hit.url, "type_label": labels.get(hit.type, hit.type)}
                for hit in hits
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def opensearch(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "search/opensearch.xml",
        {
            "search_url": request.build_absolute_uri(reverse("search")),
            "suggest_url": request.build_absolute_uri(reverse("search-autocomplete")),
            "icon_url": request.build_absolute_uri("/favicon.ico"),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )


@csrf_exempt  # a hyperlink ping (<a ping>) carries no token; the signed payload is the check
@require_POST
def click(request: HttpRequest) -> HttpResponse:
    if _check_rate(request, "search.click"):
        return HttpResponse(status=429)
    payload = service.read_click_token(request.GET.get("t", ""))
    if payload is None:
        return HttpResponse(status=400)
    log_id, url, position = payload
    ResultClick.objects.create(query_log_id=log_id, url=url[:500], position=position)
    return HttpResponse(status=204)
