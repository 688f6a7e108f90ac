"""/villes/: the 245 towns, their filters, search and pagination."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.territories import views
from cms.territories.models import Town

pytestmark = pytest.mark.django_db


def rows(response) -> dict[str, list[str]]:
    """Town name → the other cells of its row."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in soup.select("table tbody tr")
    }


def status(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find(attrs={"role": "status"}).get_text(" ", strip=True)


@pytest.fixture
def one_page(monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 300)


def test_lists_the_245_towns_with_their_department_and_region(client, territories, one_page):
    response = client.get("/villes/")
    assert response.status_code == 200
    towns = rows(response)
    assert len(towns) == 245
    assert towns["Ajaccio"][:2] == ["Corse-du-Sud (2A)", "Corse"]
    assert towns["Béziers"][:2] == ["Hérault (34)", "Occitanie"]
    assert towns["Mamoudzou"][:2] == ["Mayotte (976)", "Mayotte"]
    assert status(response).startswith("245 villes")


def test_population_uses_a_thin_space_and_dates_are_french(client, territories, one_page):
    abbeville = rows(client.get("/villes/?q=abbeville"))["Abbeville"]
    assert abbeville[2] == "22\u202f395"
    assert abbeville[3] == "28 septembre 2018"


def test_towns_without_a_convention_say_so(client, territories):
    assert rows(client.get("/villes/?q=annemasse"))["Annemasse"][3] == "en cours de signature"


def test_names_link_to_town_pages(client, territories):
    html = client.get("/villes/?q=castres").content.decode()
    assert '<a href="/villes/castres/">Castres</a>' in html


def test_paginates_sixty_towns_per_page_keeping_filters(client, territories):
    first = client.get("/villes/")
    assert len(rows(first)) == 60
    assert "page 1 sur 5" in status(first)
    last = client.get("/villes/?page=5")
    assert len(rows(last)) == 245 - 4 * 60
    assert not set(rows(first)) & set(rows(last))


def test_pagination_keeps_the_filters(client, territories, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 10)
    html = client.get("/villes/?region=84").content.decode()
    assert 'href="?region=84&amp;page=2"' in html
    assert len(rows(client.get("/villes/?region=84&page=2"))) == 10


def test_out_of_range_page_shows_the_last_one(client, territories):
    assert client.get("/villes/?page=999").status_code == 200
    assert client.get("/villes/?page=abc").status_code == 200


def test_filters_by_region(client, territories, one_page):
    towns = rows(client.get("/villes/?region=94"))
    assert set(towns) == {"Ajaccio", "Bastia"}


def test_filters_by_department(client, territories, one_page):
    towns = rows(client.get("/villes/?departement=81"))
    assert set(towns) == {"Albi", "Castres", "Mazamet"}
    # Department codes are matched whatever their case: « 2a » is Corse-du-Sud.
    assert set(rows(client.get("/villes/?departement=2a"))) == {"Ajaccio"}


@pytest.mark.parametrize("query", ["beziers", "BÉZIERS", "Béz", "  beziers "])
def test_search_ignores_case_and_accents(client, territories, query):
    assert list(rows(client.get("/villes/", {"q": query}))) == ["Béziers"]


def test_search_ignores_hyphens_and_matches_every_word(client, territories):
    assert list(rows(client.get("/villes/", {"q": "saint lo"}))) == ["Saint-Lô", "Saint-Louis"]
    assert list(rows(client.get("/villes/", {"q": "Saint-Dié"}))) == ["Saint-Dié-des-Vosges"]
    assert list(rows(client.get("/villes/", {"q": "bourg peage"}))) == ["Bourg-de-Péage"]


def test_filters_combine(client, territories, one_page):
    towns = rows(client.get("/villes/?region=76&departement=81&q=maz"))
    assert list(towns) == ["Mazamet"]
    assert "1 ville correspond à votre recherche" in status(
        client.get("/villes/?region=76&departement=81&q=maz")
    )


def test_department_outside_the_region_is_explained(client, territories):
    response = client.get("/villes/?region=53&departement=34")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le département Hérault (34) ne fait pas partie de la région Bretagne" in html
    assert rows(response) == {}
    assert 'href="/villes/?region=53"' in html
    assert 'href="/villes/?departement=34"' in html


def test_unknown_values_are_ignored_with_a_notice(client, territories):
    response = client.get("/villes/?region=zz&departement=<b>x</b>")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Les valeurs demandées pour les filtres « Région », « Département » sont inconnues : "
        "ces filtres ont été ignorés." in html
    )
    assert "<B>X</B>" not in html
    assert len(rows(response)) == 60


def test_search_without_result_says_so(client, territories):
    response = client.get("/villes/?q=atlantide")
    assert status(response) == "Aucune ville ne correspond à votre recherche."
    assert "<table" not in response.content.decode()


def test_form_keeps_the_chosen_filters(client, territories):
    soup = BeautifulSoup(
        client.get("/villes/?region=76&departement=81&q=maz").content, "html.parser"
    )
    assert soup.find("input", id="filtre-q")["value"] == "maz"
    assert soup.select_one("#filtre-region option[selected]")["value"] == "76"
    assert soup.select_one("#filtre-departement option[selected]")["value"] == "81"
    assert soup.find("a", string="Réinitialiser les filtres")["href"] == "/villes/"


def test_query_count_is_flat_whatever_the_number_of_towns(client, territories, one_page):
    client.get("/villes/")  # warms the per-site chrome cache
    with CaptureQueriesContext(connection) as many:
        assert len(rows(client.get("/villes/"))) == 245
    keep = Town.objects.order_by("pk").values_list("pk", flat=True)[:10]
    Town.objects.exclude(pk__in=list(keep)).delete()
    client.get("/villes/")  # deleting towns changed the content version: warm the chrome again
    with CaptureQueriesContext(connection) as few:
        assert len(rows(client.get("/villes/"))) == 10
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("q=%00", "« Nom de la ville » est inconnue"),
        ("region=%C2%B2", "« Région » est inconnue"),
        ("departement=%D9%A3%D9%A4", "« Département » est inconnue"),
    ],
)
def test_hostile_values_are_ignored_with_a_french_notice(client, territories, query, notice):
    response = client.get(f"/villes/?{query}")
    assert response.status_code == 200
    assert notice in response.content.decode()
    assert len(rows(response)) == 60


def test_long_search_is_cut_and_lower_case_department_works(client, territories):
    assert client.get("/villes/?q=" + "a" * 2000).status_code == 200
    assert set(rows(client.get("/villes/?departement=2a"))) == {"Ajaccio"}
