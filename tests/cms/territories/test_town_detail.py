"""/villes/<slug>/: a town's key facts, its locator and the sections other apps contribute."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core import related
from cms.core.related import RelatedSection
from cms.territories.models import Town

pytestmark = pytest.mark.django_db


def facts(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        group.dt.get_text(strip=True): re.sub(r"[ \n]+", " ", group.dd.get_text(" ", strip=True))
        for group in soup.select("dl.cdv-facts > div")
    }


def test_every_town_page_renders(client, territories):
    for town in Town.objects.with_geography():
        response = client.get(f"/villes/{town.slug}/")
        assert response.status_code == 200, town.slug
        assert f"<h1>{town.name}</h1>" in response.content.decode()


def test_unknown_town_is_a_404(client, territories):
    assert client.get("/villes/atlantide/").status_code == 404


def test_key_facts(client, territories):
    response = client.get("/villes/abbeville/")
    assert facts(response) == {
        "Département": "Somme (80)",
        "Région": "Hauts-de-France",
        "Population municipale": "22\u202f395 habitants (Insee, millésime 2023)",
        "Intercommunalité (EPCI)": "CA de la Baie de Somme",
        "Territoire Action cœur de ville": "Abbeville",
        "Convention-cadre": "signée le 28 septembre 2018",
    }
    html = response.content.decode()
    assert 'href="/villes/?departement=80"' in html
    assert 'href="/villes/?region=32"' in html


def test_ongoing_and_completed_actions_when_known(client, territories):
    assert facts(client.get("/villes/agde/"))["Actions du projet"] == (
        "11 actions en cours, 4 livrées"
    )


def test_mayotte_population_is_from_the_2017_census(client, territories):
    population = facts(client.get("/villes/mamoudzou/"))["Population municipale"]
    assert population.endswith("(Insee, millésime 2017)")


def test_pending_convention(client, territories):
    assert facts(client.get("/villes/annemasse/"))["Convention-cadre"] == (
        "convention en cours de signature"
    )


def test_binome_links_both_ways(client, territories):
    castres = client.get("/villes/castres/")
    mazamet = client.get("/villes/mazamet/")
    assert facts(castres)["Territoire Action cœur de ville"] == (
        "Castres - Mazamet : binôme avec Mazamet"
    )
    assert '<a href="/villes/mazamet/">Mazamet</a>' in castres.content.decode()
    assert '<a href="/villes/castres/">Castres</a>' in mazamet.content.decode()
    # Actions are counted for the whole territory, which the page says.
    assert facts(castres)["Actions du projet"] == (
        "5 actions en cours, 19 livrées (pour l’ensemble du territoire)"
    )


def test_the_town_and_its_binome_partner_are_read_in_one_query(client, territories):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/villes/mazamet/")
    assert '<a href="/villes/castres/">Castres</a>' in response.content.decode()
    town_queries = [q for q in queries if 'FROM "territories_town"' in q["sql"]]
    assert len(town_queries) == 1


def test_a_town_without_binome_has_no_partner(client, territories):
    lead = client.get("/villes/abbeville/").content.decode()
    assert "Commune du programme Action cœur de ville." in lead
    assert "binôme" not in lead


def test_breadcrumb_and_meta_description(client, territories):
    soup = BeautifulSoup(client.get("/villes/ajaccio/").content, "html.parser")
    crumbs = [link.get_text(strip=True) for link in soup.select(".fr-breadcrumb__link")]
    assert crumbs == ["Accueil", "Villes", "Ajaccio"]
    assert soup.select(".fr-breadcrumb__link")[1]["href"] == "/villes/"
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Ajaccio (Corse-du-Sud, Corse), ville du programme")


def test_summary_becomes_the_meta_description(client, territories):
    Town.objects.filter(slug="albi").update(summary="Albi rénove son centre épiscopal.")
    soup = BeautifulSoup(client.get("/villes/albi/").content, "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == (
        "Albi rénove son centre épiscopal."
    )


def test_locator_shows_the_region_and_marks_the_town(client, territories):
    soup = BeautifulSoup(client.get("/villes/castres/").content, "html.parser")
    locator = soup.select_one(".cdv-map--locator svg")
    assert locator["role"] == "img"
    assert locator.title.get_text() == "Carte de situation : Castres, Tarn (81), région Occitanie"
    assert len(locator.select(".cdv-map__area")) == 13  # the departments of Occitanie
    assert len(locator.select(".cdv-map__area--current")) == 1
    assert len(locator.select("circle.cdv-map__town--current")) == 1


@pytest.fixture
def town_section(monkeypatch):
    """A provider such as the case studies app registers: here, the other towns of the
    department."""

    def neighbours(town):
        towns = Town.objects.with_geography().filter(department=town.department_id)
        return RelatedSection(
            title="Dans le même département",
            items=list(towns.exclude(pk=town.pk)),
            more_url=f"/villes/?departement={town.department.code}",
            more_label="Toutes les villes du département",
            item_template="territories/includes/town_card.html",
        )

    monkeypatch.setitem(related._providers, "town", [*related._providers["town"], neighbours])


def test_sections_from_providers_are_rendered(client, territories, town_section):
    soup = BeautifulSoup(client.get("/villes/albi/").content, "html.parser")
    section = next(
        s for s in soup.select("main section") if s.h2.get_text() == "Dans le même département"
    )
    assert [card.get_text(strip=True) for card in section.select("h3 a")] == [
        "Castres",
        "Mazamet",
    ]
    more = section.find("a", href="/villes/?departement=81")
    assert more.get_text(" ", strip=True).startswith("Toutes les villes du département")


def test_empty_sections_are_left_out(client, territories, town_section):
    # Ajaccio is the only town of Corse-du-Sud.
    assert "Dans le même département" not in client.get("/villes/ajaccio/").content.decode()
