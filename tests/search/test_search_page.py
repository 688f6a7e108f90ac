"""`/recherche/`: results with facets and filters in the URL, pagination, suggestions,
editors' picks, bad input handled in French; JSON endpoints; OpenSearch; analytics."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from cms.core.demo import load_legal_pages
from search import indexing
from search.models import QueryLog, ResultClick

pytestmark = pytest.mark.django_db


def test_search_finds_published_pages_and_says_how_many(client, home_page):
    load_legal_pages(home_page)
    indexing.rebuild()
    response = client.get("/recherche/", {"q": "accessibilité"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/accessibilite/"' in html
    assert "résultat" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="search" type="application/opensearchdescription+xml"' in html


def test_facets_filters_and_active_filter_links(client, indexed):
    html = client.get("/recherche/", {"q": "friche"}).content.decode()
    assert "2 résultats pour « friche »" in html
    assert re.search(
        r'name="region" value="Bretagne">\s*<label[^>]*>Bretagne <span class="cdv-count">\(1\)',
        html,
    )
    html = client.get("/recherche/", {"q": "friche", "region": "Bretagne"}).content.decode()
    assert "1 résultat pour « friche »" in html
    assert 'value="Bretagne" checked' in html
    assert "Retirer le filtre Région : Bretagne" in html
    assert 'href="?q=friche"' in html


def test_zero_results_help_and_did_you_mean(client, indexed):
    html = client.get("/recherche/", {"q": "frcihes"}).content.decode()
    assert "Aucun résultat pour « frcihes »" in html
    assert 'Vouliez-vous dire <a href="?q=friches">friches</a>' in html
    assert "Vérifiez l’orthographe" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 2000},
        {"q": '"friche'},
        {"q": "-"},
        {"q": "*:("},
        {"q": "friche\x00"},
        {"q": "friche", "page": "٣"},
        {"q": "friche", "page": "-1"},
        {"q": "friche", "page": "999999999999"},
        {"q": "friche", "tri": "n’importe"},
        {"q": "friche", "axis": "inconnu", "region": "x" * 500},
        {"q": "", "page": "2"},
    ],
)
def test_bad_input_never_fails(client, indexed, params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    assert client.get("/recherche/api/resultats/", params).status_code == 200
    assert client.get("/recherche/api/suggestions/", params).status_code == 200


def test_bad_input_gets_a_french_message(client, indexed):
    html = client.get("/recherche/", {"q": "x" * 2000}).content.decode()
    assert "raccourcie à ses 200 premiers caractères" in html
    html = client.get("/recherche/", {"q": "friche", "page": "abc"}).content.decode()
    assert "Le numéro de page n’est pas valide" in html
    html = client.get("/recherche/", {"q": "friche", "page": "40"}).content.decode()
    assert "voici la dernière page" in html
    assert "Reconvertir les friches commerciales" in html


def test_pagination_keeps_the_query_and_filters(client, indexed, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 1
    html = client.get("/recherche/", {"q": "friche", "tri": "date"}).content.decode()
    second = client.get("/recherche/", {"q": "friche", "tri": "date", "page": "2"})
    assert 'href="?q=friche&amp;tri=date&amp;page=2"' in html
    assert html.index("Reconvertir les friches") > 0
    assert "Chalon-sur-Saône : une friche" in second.content.decode()


def test_editors_picks_come_first(client, indexed, home_page):
    load_legal_pages(home_page)
    page = home_page.get_children().get(slug="accessibilite")
    query = Query.get("friche")
    SearchPromotion.objects.create(query=query, page=page, sort_order=0, description="À lire")
    html = client.get("/recherche/", {"q": "Friche"}).content.decode()
    assert "Sélection de la rédaction" in html
    assert html.index('href="/accessibilite/"') < html.index("Reconvertir les friches")


def test_json_results_respect_audiences(client, indexed):
    data = client.get("/recherche/api/resultats/", {"q": "friches"}).json()
    assert data["total"] == 2
    assert {r["url"] for r in data["results"]} == {
        "http://testserver/guides/friches/",
        "http://testserver/retours-d-experience/chalon/",
    }
    assert "<mark>" in "".join(r["snippet"] for r in data["results"])
    assert "Occitanie" not in str(data["facets"])


def test_json_for_a_group_member(client, indexed, group_resolver, django_user_model):
    member = django_user_model.objects.create_user(email="g7@example.org", password="x" * 12)
    client.force_login(member)
    data = client.get("/recherche/api/resultats/", {"q": "zanzibariennes"}).json()
    assert [r["title"] for r in data["results"]] == ["Friches zanzibariennes : retour du groupe"]
    titles = client.get("/recherche/api/suggestions/", {"q": "friches zan"}).json()
    assert [s["title"] for s in titles["suggestions"]] == [
        "Friches zanzibariennes : retour du groupe"
    ]
    client.logout()
    assert (
        client.get("/recherche/api/suggestions/", {"q": "friches zan"}).json()["suggestions"] == []
    )
    html = client.get("/recherche/", {"q": "zanzibariennes"}).content.decode()
    assert "zanzibar" not in html.lower().replace("zanzibariennes »", "").replace(
        "zanzibariennes", ""
    )


def test_autocomplete_and_opensearch(client, indexed):
    data = client.get("/recherche/api/suggestions/", {"q": "chalon"}).json()
    assert data["suggestions"][0] == {
        "title": "Chalon-sur-Saône",
        "url": "/villes/chalon-sur-saone/",
        "type_label": "Ville",
    }
    assert client.get(
        "/recherche/api/suggestions/", {"q": "chalon", "format": "opensearch"}
    ).json() == [
        "chalon",
        ["Chalon-sur-Saône", "Chalon-sur-Saône : une friche devient un quartier"],
    ]
    response = client.get("/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    assert 'template="http://testserver/recherche/?q={searchTerms}"' in response.content.decode()


def test_searches_and_clicks_are_logged_without_personal_data(client, indexed):
    html = client.get("/recherche/", {"q": "Friche", "region": "Bretagne"}).content.decode()
    log = QueryLog.objects.get()
    assert (log.query, log.filters, log.results) == ("friche", {"region": ["Bretagne"]}, 1)
    assert {f.name for f in QueryLog._meta.fields} == {
        "id",
        "created_at",
        "query",
        "filters",
        "results",
        "page",
    }
    ping = re.search(r'ping="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert client.post(ping).status_code == 204
    click = ResultClick.objects.get()
    assert (click.query_log, click.url, click.position) == (log, "/guides/friches/", 1)
    assert client.post("/recherche/clic/?t=forged").status_code == 400
    assert client.get(ping).status_code == 405
    assert ResultClick.objects.count() == 1


def test_searching_too_fast_is_refused_politely(client, indexed, settings):
    settings.RATELIMITS = {"search": (2, 60), "search.api": (1, 60)}
    assert client.get("/recherche/", {"q": "friche"}).status_code == 200
    assert client.get("/recherche/", {"q": "friche"}).status_code == 200
    response = client.get("/recherche/", {"q": "friche"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Veuillez réessayer" in response.content.decode()
    assert client.get("/recherche/api/resultats/", {"q": "friche"}).status_code == 200
    refused = client.get("/recherche/api/resultats/", {"q": "friche"})
    assert refused.status_code == 429
    assert "réessayer" in refused.json()["error"]


def test_filters_have_french_url_names_and_old_links_still_work(client, indexed):
    """Like the portal's listings (`?axe=`, `?ville=`, `?annee=`); `?axis=` links shared
    before still filter."""
    html = client.get("/recherche/", {"q": "friche"}).content.decode()
    assert 'name="axe" value="' in html
    assert 'name="axis"' not in html
    french = client.get("/recherche/", {"q": "friche", "annee": "1900"}).content.decode()
    assert "Aucun résultat" in french
    english = client.get("/recherche/", {"q": "friche", "year": "1900"}).content.decode()
    assert "Aucun résultat" in english
    region = client.get("/recherche/", {"q": "friche", "region": "Bretagne", "annee": "1900"})
    assert 'href="?q=friche&amp;region=Bretagne"' in region.content.decode()
