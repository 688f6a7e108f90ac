"""The demo site: real reference data plus French demo content, loaded idempotently,
and every page of it renders with the DSFR chrome.

Loading the demo takes several seconds, so each test checks a whole story of it.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.territories.models import Department, Region, Town

pytestmark = pytest.mark.django_db


def _count(model_name: str) -> int:
    return Page.objects.live().filter(content_type__model=model_name).count()


def test_demo_site_has_real_towns_every_page_type_and_renders(client):
    call_command("load_demo", verbosity=0)

    assert Town.objects.count() == 245
    assert Department.objects.count() == 101
    assert Region.objects.count() == 18
    ajaccio = Town.objects.with_geography().get(insee_code="2A004")
    assert (ajaccio.department.name, ajaccio.region.name) == ("Corse-du-Sud", "Corse")

    assert _count("resourcepage") >= 8
    assert _count("casestudypage") >= 12
    assert _count("newspage") >= 6
    assert _count("pressreleasepage") >= 1
    assert _count("measurepage") >= 1
    assert _count("standardpage") >= 3
    assert _count("sitemappage") == 1

    seen_types = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert b'<header role="banner" class="fr-header">' in response.content, page.url
        seen_types.add(type(page).__name__)
    assert len(seen_types) >= 12


def test_loading_twice_changes_nothing_and_if_empty_skips(capsys):
    call_command("load_demo", verbosity=0)
    before = {model: _count(model) for model in ("resourcepage", "casestudypage", "newspage")}
    pages_before = Page.objects.count()

    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages_before
    assert {model: _count(model) for model in before} == before
    assert Town.objects.count() == 245

    call_command("load_demo", if_empty=True)
    assert "rien à charger" in capsys.readouterr().out
