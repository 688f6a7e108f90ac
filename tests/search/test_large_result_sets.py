"""Searches with many matches stay fast without becoming wrong: beyond COUNT_LIMIT the
total is a lower bound the page states, and ranking over a bounded candidate set still
puts title matches first."""

import pytest
from django.db import connection

from search.backends import SearchRequest, database, get_backend
from search.documents import PUBLIC
from search.query import parse

pytestmark = pytest.mark.django_db


def search(query, **options):
    return get_backend().search(SearchRequest(parse(query), frozenset({PUBLIC}), **options))


def test_below_the_limit_the_total_and_facet_counts_are_exact(indexed):
    results = search("friche")
    assert (results.total, results.total_is_lower_bound) == (2, False)


def test_beyond_the_limit_the_total_is_a_lower_bound_and_facets_count_what_was_counted(
    indexed, monkeypatch
):
    monkeypatch.setattr(database, "COUNT_LIMIT", 1)
    results = search("friche")
    assert (results.total, results.total_is_lower_bound) == (1, True)
    assert sum(value.count for value in results.facets["type"]) == 1
    assert len(results.hits) == 2  # every match can still be listed


def test_the_page_and_the_api_say_when_the_total_is_a_lower_bound(client, indexed, monkeypatch):
    monkeypatch.setattr(database, "COUNT_LIMIT", 1)
    html = client.get("/recherche/", {"q": "friche"}).content.decode()
    assert "Plus de 1 résultats pour « friche »" in html
    assert "portent sur les 1 premiers" in html
    data = client.get("/recherche/api/resultats/", {"q": "friche"}).json()
    assert data["total_is_lower_bound"] is True


def test_ranking_over_bounded_candidates_keeps_the_exact_title_first(indexed, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the candidate set is PostgreSQL's (SQLite's: the tests below)")
    from search.backends import postgres

    monkeypatch.setattr(postgres, "CANDIDATES", 1)
    for typed in ("chalon sur saone", "Chalon-sur-Saône"):
        assert [hit.key for hit in search(typed, limit=1).hits] == ["fake:town-chalon"]
    assert [hit.key for hit in search("friche", limit=1).hits] == ["fake:friches"]


def test_sqlite_ranks_bounded_candidates_title_matches_first(indexed, monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backend's candidates")
    from search.backends import sqlite

    monkeypatch.setattr(sqlite, "RANK_ALL", 1)
    for typed in ("chalon sur saone", "Chalon-sur-Saône"):
        assert [hit.key for hit in search(typed, limit=1).hits] == ["fake:town-chalon"]
    # Four titles say « friche », two of them members-only: never among the candidates.
    for offset in (0, 1):
        found = [hit.key for hit in search("friche", offset=offset, limit=1).hits]
        assert found in (["fake:friches"], ["fake:chalon-study"]), found


def test_sqlite_candidates_keep_exclusions(indexed, monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backend's candidates")
    from search.backends import sqlite
    from search.documents import SearchDocument

    get_backend().index(
        [
            SearchDocument(key="fake:port", type="guide", title="La friche du port", url="/p/"),
            SearchDocument(
                key="fake:gare",
                type="guide",
                title="La friche de la gare",
                url="/g/",
                text="Une friche industrielle.",
            ),
        ]
    )
    monkeypatch.setattr(sqlite, "RANK_ALL", 1)
    # « fake:gare », the last indexed title match, says « industrielle »: never shown.
    found = [hit.key for hit in search("friche -industrielle", limit=1).hits]
    assert found in (["fake:port"], ["fake:friches"]), found
