"""The demo site: real reference data plus French demo content, loaded idempotently from
each app's own `demo.py`; every page renders with the DSFR chrome and its links resolve.

Loading the demo takes several seconds, so one test checks the whole story of it.
"""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.territories.models import Department, Region, Town
from coeurdeville.demo import demo_steps

pytestmark = pytest.mark.django_db

INTERNAL_LINK = re.compile(r'href="(/[^"#?]*)"')


def _count(model_name: str) -> int:
    return Page.objects.live().filter(content_type__model=model_name).count()


def test_each_app_contributes_its_demo_step_in_installed_apps_order():
    expected = ["core", "home", "resources", "casestudies", "news", "measures"]
    labels = [label for label, _step in demo_steps()]
    assert [label for label in labels if label in expected] == expected


def test_demo_site_loads_once_renders_and_loading_again_changes_nothing(client, capsys):
    call_command("load_demo", verbosity=0)

    assert Town.objects.count() == 245
    assert Department.objects.count() == 101
    assert Region.objects.count() == 18
    assert _count("resourcepage") >= 8
    assert _count("casestudypage") >= 12
    assert _count("newspage") >= 6
    assert _count("pressreleasepage") >= 1
    assert _count("measurepage") >= 1
    assert _count("standardpage") >= 3
    assert _count("sitemappage") == 1

    links: set[str] = set()
    seen_types = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert '<header role="banner" class="fr-header">' in html, page.url
        main = html.split('<main id="contenu"')[1].split("</main>")[0]
        links.update(INTERNAL_LINK.findall(main))
        seen_types.add(type(page).__name__)
    assert len(seen_types) >= 12
    broken = [
        url
        for url in sorted(links)
        if not url.startswith(("/media/", "/documents/", "/static/"))
        and client.get(url).status_code not in (200, 301, 302)
    ]
    assert not broken

    before = {model: _count(model) for model in ("resourcepage", "casestudypage", "newspage")}
    pages_before = Page.objects.count()
    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages_before
    assert {model: _count(model) for model in before} == before
    assert Town.objects.count() == 245

    call_command("load_demo", if_empty=True)
    assert "rien à charger" in capsys.readouterr().out
