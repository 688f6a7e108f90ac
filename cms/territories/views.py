"""The towns: list with filters, one page per town, and the map."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse

from cms.core.breadcrumbs import Crumb
from cms.core.compiled import CompiledShape
from cms.core.fragments import lazy, remember, scope_version
from cms.core.listing_filters import filter_context
from cms.core.related import sections_for

from .filters import filter_towns
from .formats import long_date
from .maps import SvgMap, france_map, region_locator
from .models import Region, Town, town_scope
from .names import normalise_name

PER_PAGE = 60
# The map's markup only changes when towns, departments or regions do: each bumps the
# content version it is kept under (see `cms.core.signals`).
MAP_CACHE_SECONDS = 60 * 60


def _regions() -> list[Region]:
    """Regions with their departments, « Île-de-France » among the I."""
    regions = Region.objects.prefetch_related("departments")
    return sorted(regions, key=lambda region: normalise_name(region.name))


def _home_crumbs() -> list[Crumb]:
    return [Crumb("Accueil", "/")]


def town_list(request: HttpRequest) -> HttpResponse:
    regions = _regions()
    listing = filter_towns(Town.objects.with_geography(), request.GET, regions)
    page_obj = Paginator(listing.queryset, PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "territories/town_list.html",
        {
            "title": "Les villes du programme",
            "meta_description": (
                "Les 245 communes du programme Action cœur de ville : recherche par nom, filtres "
                "par région et département, population et date de signature de la convention."
            ),
            "breadcrumbs": _home_crumbs(),
            **filter_context(listing),
            "page_obj": page_obj,
            "towns": page_obj.object_list,
        },
    )


def _meta_description(town: Town) -> str:
    if town.summary:
        return town.summary
    convention = (
        f"convention signée le {long_date(town.convention_signed_on)}"
        if town.convention_signed_on
        else "convention en cours de signature"
    )
    return (
        f"{town.name} ({town.department.name}, {town.region.name}), ville du programme "
        f"Action cœur de ville : {convention}. Ressources, retours d’expérience et "
        "actualités de la commune."
    )


def _territory(slug: str) -> QuerySet[Town]:
    return Town.objects.with_geography().territory_of(slug)


# Every town page runs it: compiled once per process (`cms.core.compiled`).
TERRITORY = CompiledShape(_territory)


def _town_and_partners(slug: str) -> tuple[Town, list[Town]]:
    """The town and the other commune(s) of its ACV territory if it is a binôme."""
    territory = TERRITORY.rows(slug)
    town = next((town for town in territory if town.slug == slug), None)
    if town is None:
        raise Http404("Aucune ville ne correspond à cette adresse.")
    return town, [partner for partner in territory if partner.pk != town.pk]


def town_detail(request: HttpRequest, slug: str) -> HttpResponse:
    town, partners = _town_and_partners(slug)
    locator = region_locator(town.region.code, town.department.code)
    return TemplateResponse(
        request,
        "territories/town_detail.html",
        {
            "title": town.name,
            "town": town,
            "partners": partners,
            "sections": lazy(lambda: sections_for("town", town)),
            # Its forum topics renew the town's scope, not every page's content version.
            "content_cache_key": f"town:{town.pk}:{scope_version(town_scope(town.pk))}",
            "locator": locator,
            "locator_point": locator.place(
                town.department.code, float(town.longitude), float(town.latitude)
            ),
            "meta_description": _meta_description(town),
            "breadcrumbs": [*_home_crumbs(), Crumb("Villes", reverse("town-list"))],
        },
    )


@dataclass(frozen=True)
class MapPoint:
    name: str
    department: str
    url: str
    x: float
    y: float


@dataclass(frozen=True)
class RegionGroup:
    region: Region
    points: list[MapPoint]


def _map_groups(svg_map: SvgMap) -> list[RegionGroup]:
    groups: dict[int, RegionGroup] = {}
    for town in Town.objects.with_geography():
        department = town.department
        x, y = svg_map.place(department.code, float(town.longitude), float(town.latitude))
        point = MapPoint(town.name, department.name, town.get_absolute_url(), x, y)
        groups.setdefault(department.region_id, RegionGroup(department.region, [])).points.append(
            point
        )
    return sorted(groups.values(), key=lambda group: normalise_name(group.region.name))


def _render_map_body() -> tuple[int, str]:
    svg_map = france_map()
    regions = _map_groups(svg_map)
    town_count = sum(len(group.points) for group in regions)
    body = render_to_string(
        "territories/includes/town_map_body.html",
        {"map": svg_map, "regions": regions, "town_count": town_count},
    )
    return town_count, body


def town_map(request: HttpRequest) -> HttpResponse:
    """The map and its list alternative: 490 links, rendered once per content version."""
    town_count, body = remember("territories:town-map", _render_map_body, MAP_CACHE_SECONDS)
    return TemplateResponse(
        request,
        "territories/town_map.html",
        {
            "title": "Carte des villes",
            "meta_description": (
                "La carte des 245 communes du programme Action cœur de ville, en métropole, en "
                "Corse et outre-mer, avec la liste des villes par région."
            ),
            "breadcrumbs": _home_crumbs(),
            "town_count": town_count,
            "body": body,
        },
    )
