"""The page chrome every visitor sees: DSFR header and footer, menus, notice, skip links."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.core.demo import load_legal_pages, load_settings
from cms.core.models import NavigationSettings, PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_with_menus(home_page, programme):
    legal = load_legal_pages(home_page)
    load_settings(legal)
    return home_page


def test_every_page_has_dsfr_header_footer_and_skip_links(client, site_with_menus):
    html = client.get("/mentions-legales/").content.decode()
    assert '<header role="banner" class="fr-header">' in html
    assert "République<br>française" in html
    assert 'class="fr-footer"' in html
    assert 'href="#contenu"' in html
    assert 'id="contenu"' in html
    assert 'href="#pied-de-page"' in html
    assert 'id="pied-de-page"' in html
    assert 'role="search"' in html
    assert 'action="/recherche/"' in html


def test_main_menu_and_footer_links_come_from_settings(client, site_with_menus):
    html = client.get("/").content.decode()
    assert 'href="/retours-d-experience/"' in html
    assert ">Carte des villes</a>" in html
    # Footer links point to the legal pages chosen in the settings.
    assert 'href="/mentions-legales/">Mentions légales</a>' in html
    assert 'href="/accessibilite/">Accessibilité : non conforme</a>' in html


def test_current_menu_entry_is_marked_for_assistive_technologies(client, site_with_menus):
    html = client.get("/mentions-legales/").content.decode()
    assert 'aria-current="page"' in html  # the breadcrumb's current page
    html = client.get("/").content.decode()
    assert 'href="/guides/" aria-current' not in html


def test_editing_the_menu_shows_at_once(client, site_with_menus):
    client.get("/")  # fills the cache
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.main_menu = [
        ("item", {"link": {"label": "Forum", "page": None, "url": "/forum/"}, "children": []})
    ]
    navigation.save()
    html = client.get("/").content.decode()
    assert ">Forum</a>" in html
    assert 'href="/guides/"' not in html.split('id="navigation-principale"')[1].split("</nav>")[0]


def test_notice_banner_is_editable_and_can_be_switched_off(client, site_with_menus):
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.notice_enabled = True
    portal.notice_title = "Maintenance prévue"
    portal.notice_text = "Le portail sera indisponible samedi matin."
    portal.save()
    assert "Maintenance prévue" in client.get("/").content.decode()
    portal.notice_enabled = False
    portal.save()
    assert "Maintenance prévue" not in client.get("/").content.decode()


def test_chrome_is_cached_between_requests(client, site_with_menus, every_cache_on):
    client.get("/mentions-legales/")
    with CaptureQueriesContext(connection) as first:
        client.get("/mentions-legales/")
    settings_queries = [q for q in first.captured_queries if "settings" in q["sql"]]
    assert settings_queries == []


def test_404_page_is_in_french_with_the_site_chrome(client, site_with_menus):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page non trouvée" in html
    assert 'class="fr-header"' in html


def test_chrome_reads_its_settings_and_menus_in_one_query(site_with_menus):
    from cms.core.chrome import build_chrome

    site = Site.objects.get(is_default_site=True)
    with CaptureQueriesContext(connection) as queries:
        chrome = build_chrome(site)
    settings_reads = [q for q in queries.captured_queries if "settings" in q["sql"]]
    assert len(settings_reads) == 1  # portal settings and both menus together
    assert any(link.url == "/mentions-legales/" for link in chrome.footer_links)
    assert chrome.main_menu


def test_a_site_without_navigation_settings_gets_them_created(home_page):
    from cms.core.chrome import build_chrome

    site = Site.objects.get(is_default_site=True)
    PortalSettings.for_site(site)
    NavigationSettings.objects.filter(site=site).delete()
    chrome = build_chrome(site)
    assert chrome.main_menu == ()
    assert NavigationSettings.objects.filter(site=site).exists()
