"""Legal pages, the human sitemap, sitemap.xml, robots.txt, metadata and security headers."""

import xml.etree.ElementTree as ET

import pytest

from cms.core.demo import load_legal_pages

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def legal(home_page):
    return load_legal_pages(home_page)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/mentions-legales/", "Mentions légales"),
        ("/accessibilite/", "Déclaration d’accessibilité"),
        ("/donnees-personnelles/", "Données personnelles"),
        ("/plan-du-site/", "Plan du site"),
    ],
)
def test_legal_pages_render(client, legal, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_accessibility_statement_states_conformity(client, legal):
    assert "non conforme" in client.get("/accessibilite/").content.decode()


def test_human_sitemap_lists_sections(client, legal):
    html = client.get("/plan-du-site/").content.decode()
    assert 'href="/mentions-legales/"' in html
    assert 'href="/villes/"' in html


def test_pages_carry_description_canonical_and_open_graph(client, legal):
    html = client.get("/mentions-legales/").content.decode()
    assert '<meta name="description" content="Éditeur, directeur de la publication' in html
    assert '<link rel="canonical" href="http://testserver/mentions-legales/">' in html
    assert '<meta property="og:title" content="Mentions légales">' in html


def test_sitemap_xml_parses_and_lists_pages_and_towns(client, legal, territories, programme):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {loc.text for loc in ET.fromstring(response.content).findall(".//sm:loc", SITEMAP_NS)}
    assert "http://localhost/mentions-legales/" in urls or any(
        url.endswith("/mentions-legales/") for url in urls
    )
    town_urls = [url for url in urls if "/villes/" in url and not url.endswith("/villes/")]
    assert len(town_urls) == 245
    assert any(url.endswith("/axes/habitat/") for url in urls)
    # The list pages served by plain views are listed too.
    for path in ("/villes/", "/carte/", "/axes/"):
        assert any(url.endswith(path) for url in urls), path


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_public_pages_send_a_strict_content_security_policy(client, legal):
    response = client.get("/mentions-legales/")
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "'unsafe-inline'" not in script_src
    nonce = script_src.split("'nonce-")[1].split("'")[0]
    # The DSFR scripts carry the nonce of this very response.
    assert f'nonce="{nonce}"' in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"


def test_health_check_reports_database_and_cache(client):
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {
        "statut": "ok",
        "verifications": {"database": "ok", "cache": "ok"},
    }


def test_page_with_a_listing_image_shares_it_as_open_graph_image(client, legal):
    from tests.factories import ImageFactory

    page = legal["mentions-legales"].specific
    page.listing_image = ImageFactory()
    page.save_revision().publish()
    html = client.get("/mentions-legales/").content.decode()
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
