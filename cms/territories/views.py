"""The towns: list with filters, one page per town, and the map."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from cms.core.breadcrumbs import Crumb

from .models import Town


def town_list(request: HttpRequest) -> HttpResponse:
    towns = Town.objects.with_geography()
    return TemplateResponse(request, "territories/town_list.html", {
        "title": "Les villes du programme", "towns": towns,
        "breadcrumbs": [Crumb("Accueil", "/")],
    })


def town_detail(request: HttpRequest, slug: str) -> HttpResponse:
    town = get_object_or_404(Town.objects.with_geography(), slug=slug)
    return TemplateResponse(request, "territories/town_detail.html", {
        "title": town.name, "town": town,
        "breadcrumbs": [Crumb("Accueil", "/"), Crumb("Villes", "/villes/")],
    })


def town_map(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "territories/town_map.html", {
        "title": "Carte des villes", "breadcrumbs": [Crumb("Accueil", "/")],
    })
