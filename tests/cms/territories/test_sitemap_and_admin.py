"""Town URLs in sitemap.xml, and the towns in the Wagtail admin."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model

from cms.territories.models import Town

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_every_town_with_its_last_change(client, home_page, territories):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {
        url.find("sm:loc", NS).text: url
        for url in ET.fromstring(response.content).findall("sm:url", NS)
    }
    for slug in Town.objects.values_list("slug", flat=True):
        assert f"http://testserver/villes/{slug}/" in entries
    castres = entries["http://testserver/villes/castres/"]
    assert castres.find("sm:lastmod", NS) is not None
    assert castres.find("sm:priority", NS).text == "0.6"


def test_saving_a_town_keeps_its_search_name(territories):
    town = Town.objects.get(slug="beziers")
    town.name = "Béziers-Centre"
    town.save(update_fields=["name"])
    assert Town.objects.matching("beziers centre").get() == town


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser(email="admin@example.org", password="x" * 16)
    client.force_login(user)
    return client


def test_admin_lists_towns_filtered_by_region_and_searched(admin_client, territories):
    response = admin_client.get("/admin/snippets/territories/town/", {"region": "", "q": ""})
    assert response.status_code == 200
    region = Town.objects.get(slug="ajaccio").department.region
    html = admin_client.get("/admin/snippets/territories/town/", {"region": region.pk}).content
    assert b"Ajaccio" in html
    assert b"Bastia" in html
    assert b"Abbeville" not in html
    html = admin_client.get("/admin/snippets/territories/town/", {"q": "beziers"}).content
    assert b"B\xc3\xa9ziers" in html
    assert b"Abbeville" not in html


def test_admin_programme_menu_groups_the_reference_data(admin_client, territories, programme):
    html = admin_client.get("/admin/").content.decode()
    assert "Programme" in html
    for url in (
        "/admin/snippets/programme/topic/",
        "/admin/snippets/territories/town/",
        "/admin/snippets/programme/phase/",
        "/admin/snippets/programme/partner/",
        "/admin/snippets/programme/glossaryterm/",
    ):
        assert admin_client.get(url).status_code == 200, url
    html = admin_client.get("/admin/snippets/programme/glossaryterm/", {"q": "ORT"}).content
    assert b"ORT" in html


def test_admin_opens_a_town_for_editing(admin_client, territories):
    town = Town.objects.get(slug="albi")
    response = admin_client.get(f"/admin/snippets/territories/town/edit/{town.pk}/")
    assert response.status_code == 200
    assert "Quelques phrases sur le projet de centre-ville" in response.content.decode()
