"""The header's search box leads to a results page (the faceted search comes next)."""

import pytest

from cms.core.demo import load_legal_pages

pytestmark = pytest.mark.django_db


def test_search_finds_published_pages_and_says_how_many(client, home_page):
    load_legal_pages(home_page)
    response = client.get("/recherche/", {"q": "accessibilité"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/accessibilite/"' in html
    assert "résultat" in html
    assert '<meta name="robots" content="noindex">' in html


def test_empty_or_huge_queries_are_harmless(client, home_page):
    assert client.get("/recherche/").status_code == 200
    assert client.get("/recherche/", {"q": "x" * 5000}).status_code == 200
