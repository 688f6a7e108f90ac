"""/carte/: an SVG map of the 245 towns that needs neither tiles nor JavaScript, and its
list alternative."""

import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.territories import maps
from cms.territories.models import Town

pytestmark = pytest.mark.django_db


@pytest.fixture
def soup(client, territories):
    response = client.get("/carte/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_map_links_every_town_with_an_accessible_name(soup):
    svg = soup.select_one("figure svg")
    links = svg.find_all("a")
    assert len(links) == 245
    assert {link["href"] for link in links} == {
        f"/villes/{slug}/" for slug in Town.objects.values_list("slug", flat=True)
    }
    ajaccio = svg.find("a", href="/villes/ajaccio/")
    assert ajaccio.title.get_text() == "Ajaccio (Corse-du-Sud)"
    assert ajaccio.circle is not None


def test_map_is_a_labelled_group_of_regions(soup):
    svg = soup.select_one("figure svg")
    assert svg["role"] == "group"
    assert soup.find(id=svg["aria-labelledby"]).get_text() == (
        "Carte des 245 villes du programme, regroupées par région"
    )
    regions = svg.find_all("g", attrs={"role": "group"})
    assert len(regions) == 18
    corse = next(group for group in regions if group["aria-label"] == "Corse")
    assert [link["href"] for link in corse.find_all("a")] == ["/villes/ajaccio/", "/villes/bastia/"]
    # The outlines are decoration: hidden from assistive technologies.
    assert svg.find("path").find_parent("g")["aria-hidden"] == "true"


def test_map_draws_every_department_and_the_overseas_insets(soup):
    svg = soup.select_one("figure svg")
    assert len(svg.select("path.cdv-map__area")) == 101
    assert [text.get_text() for text in svg.select("text.cdv-map__inset-name")] == [
        "Guadeloupe",
        "Martinique",
        "Guyane",
        "La Réunion",
        "Mayotte",
    ]


def test_towns_fall_inside_their_part_of_the_map(soup):
    """Overseas towns are drawn in their inset, the others on the mainland part."""
    svg = soup.select_one("figure svg")
    for link in svg.find_all("a"):
        x, y = float(link.circle["cx"]), float(link.circle["cy"])
        assert 0 <= x <= maps.WIDTH
        assert 0 <= y <= maps.HEIGHT
    mamoudzou = svg.find("a", href="/villes/mamoudzou/").circle
    assert float(mamoudzou["cx"]) < maps.INSET_X + maps.INSET_WIDTH
    abbeville = svg.find("a", href="/villes/abbeville/").circle
    assert float(abbeville["cx"]) > maps.METROPOLE_BOX[0]


def test_list_alternative_links_every_town_by_region(soup):
    section = soup.find(id="liste-des-villes")
    assert section.name == "h2"
    lists = soup.select("ul.cdv-town-list")
    assert len(lists) == 18
    assert sum(len(ul.find_all("a")) for ul in lists) == 245
    corse = soup.find(id="region-94")
    assert corse.get_text(" ", strip=True) == "Corse (2 villes)"
    assert soup.find("a", href="#liste-des-villes") is not None
    assert soup.find("a", href="/villes/", string="Rechercher et filtrer les villes") is not None


def test_map_needs_no_script_and_no_external_resource(client, territories):
    html = client.get("/carte/").content.decode()
    figure = html[html.index("<figure") : html.index("</figure>")]
    assert "<script" not in figure
    assert "http://" not in figure.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in figure


@pytest.mark.parametrize(("cached", "expected_town_queries"), [(True, 0), (False, 1)])
def test_map_costs_one_query_for_the_towns_and_is_fast(
    client, territories, settings, cached, expected_town_queries
):
    settings.FRAGMENT_CACHE_ENABLED = cached
    client.get("/carte/")  # builds the geometry once for the process
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        client.get("/carte/")
        elapsed = time.perf_counter() - start
    town_queries = [q for q in queries.captured_queries if "territories_town" in q["sql"]]
    assert len(town_queries) == expected_town_queries
    if cached:
        # Rendering the 490 links takes longer on a loaded machine; a cached map does not.
        assert elapsed < 0.5
    assert maps.france_map() is maps.france_map()


def test_map_shows_a_renamed_town_at_once(client, territories):
    client.get("/carte/")
    town = Town.objects.get(slug="albi")
    town.name = "Albi-la-Rouge"
    town.save()
    html = client.get("/carte/").content.decode()
    assert "<title>Albi-la-Rouge (Tarn)</title>" in html
    assert '<li><a href="/villes/albi/">Albi-la-Rouge</a></li>' in html
