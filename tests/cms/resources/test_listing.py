"""The listings at /guides/ and /ressources/: filters, pagination, counts and feeds."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.programme.models import Topic
from tests.factories import ImageFactory

from .factories import make_index, make_many, make_resource

pytestmark = pytest.mark.django_db


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="fr-card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def guides(home_page):
    return make_index(home_page, "guides", "Guides")


@pytest.fixture
def mixed(guides, programme):
    habitat = Topic.objects.get(slug="habitat")
    commerce = Topic.objects.get(slug="economie-et-commerce")
    make_resource(
        guides,
        "Guide habitat 2023",
        resource_type="guide",
        topics=[habitat],
        tags=["ORT"],
        published_on=datetime.date(2023, 3, 30),
    )
    make_resource(
        guides,
        "Atlas commerce 2022",
        resource_type="atlas",
        topics=[commerce],
        tags=["cartographie"],
        published_on=datetime.date(2022, 6, 27),
    )
    make_resource(
        guides,
        "Fiche habitat 2025",
        resource_type="fiche-pratique",
        topics=[habitat, commerce],
        tags=["ORT", "loi ELAN"],
        published_on=datetime.date(2025, 2, 10),
    )
    return guides


def test_index_lists_its_children_newest_first_with_dsfr_cards(client, mixed):
    response = client.get("/guides/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<header role="banner" class="fr-header">' in html
    assert "<h1>Guides</h1>" in html
    assert card_titles(html) == ["Fiche habitat 2025", "Guide habitat 2023", "Atlas commerce 2022"]
    assert '<p role="status">' in html
    assert "3 ressources." in html
    assert '<p class="fr-badge fr-badge--sm fr-badge--blue-ecume">Fiche pratique</p>' in html
    assert "Publié le 10 février 2025" in html
    assert 'href="/guides/rss/"' in html


def test_index_lists_only_its_own_children(client, mixed, home_page):
    others = make_index(home_page, "ressources", "Ressources")
    make_resource(others, "Baromètre de l’immobilier", resource_type="barometre")
    guides_html = client.get("/guides/").content.decode()
    others_html = client.get("/ressources/").content.decode()
    assert "Baromètre de l’immobilier" not in card_titles(guides_html)
    assert card_titles(others_html) == ["Baromètre de l’immobilier"]
    assert "1 ressource." in others_html


def test_filter_form_is_labelled_and_can_be_reset(client, mixed):
    html = client.get("/guides/?type=atlas").content.decode()
    for name, label in [
        ("type", "Type de ressource"),
        ("axe", "Axe ou thème"),
        ("tag", "Mot-clé"),
        ("annee", "Année de publication"),
    ]:
        assert f'<label class="fr-label" for="filtre-{name}">{label}</label>' in html
        assert f'name="{name}"' in html
    assert '<button type="submit" class="fr-btn">Filtrer</button>' in html
    assert (
        '<a class="fr-btn fr-btn--secondary" href="/guides/">Réinitialiser les filtres</a>' in html
    )
    assert '<option value="atlas" selected>Atlas</option>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=atlas", ["Atlas commerce 2022"]),
        ("axe=habitat", ["Fiche habitat 2025", "Guide habitat 2023"]),
        ("tag=ort", ["Fiche habitat 2025", "Guide habitat 2023"]),
        ("annee=2022", ["Atlas commerce 2022"]),
        ("axe=economie-et-commerce&tag=ort", ["Fiche habitat 2025"]),
        ("type=guide&annee=2023&axe=habitat", ["Guide habitat 2023"]),
    ],
)
def test_each_filter_narrows_the_listing(client, mixed, query, expected):
    response = client.get(f"/guides/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html) == expected
    assert "correspond" in html


def test_filter_options_offer_the_tags_and_years_in_use(client, mixed):
    html = client.get("/guides/").content.decode()
    assert '<option value="loi-elan">loi ELAN</option>' in html
    assert '<option value="2025">2025</option>' in html
    assert '<option value="2019">' not in html
    assert '<optgroup label="Thèmes transversaux">' in html


def test_no_match_says_so(client, mixed):
    html = client.get("/guides/?type=rapport").content.decode()
    assert "Aucune ressource ne correspond à votre recherche." in html
    assert card_titles(html) == []


@pytest.mark.parametrize(
    "query",
    [
        "type=inconnu",
        "axe=nulle-part",
        "tag=pas-de-tag",
        "annee=deux-mille",
        "annee=1999",
        "type=%3Cscript%3E&axe=%27%22",
        "page=abc",
        "page=999",
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, mixed, query):
    response = client.get(f"/guides/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(card_titles(html)) == 3
    if not query.startswith("page"):
        assert "est inconnue : ce filtre a été ignoré" in html or "ont été ignorés" in html
        assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_filters_survive_pagination(client, guides, programme):
    habitat = Topic.objects.get(slug="habitat")
    make_many(guides, 15, resource_type="kit", topics=[habitat], tags=["évaluation"])
    make_many(guides, 5, resource_type="kit", tags=["évaluation"])
    make_many(guides, 5, resource_type="etude", topics=[habitat], tags=["évaluation"])
    query = "type=kit&axe=habitat&tag=%C3%A9valuation&annee=2020"
    html = client.get(f"/guides/?{query}").content.decode()
    assert "15 ressources correspondent à votre recherche — page 1 sur 2." in html
    assert len(card_titles(html)) == 12
    assert f'href="?{query.replace("&", "&amp;")}&amp;page=2"' in html

    page_two = client.get(f"/guides/?{query}&page=2").content.decode()
    assert len(card_titles(page_two)) == 3
    for selected in (
        '<option value="kit" selected>Kit</option>',
        '<option value="habitat" selected>Habitat</option>',
        '<option value="évaluation" selected>évaluation</option>',
        '<option value="2020" selected>2020</option>',
    ):
        assert selected in page_two
    assert f'href="?{query.replace("&", "&amp;")}&amp;page=1"' in page_two


def test_query_count_is_flat(client, guides, programme):
    habitat = Topic.objects.get(slug="habitat")

    def render() -> int:
        # The first rendering creates the card renditions: measure the one after.
        client.get("/guides/?axe=habitat")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/guides/?axe=habitat")
        assert response.status_code == 200
        return len(queries)

    for number in range(10):
        make_resource(
            guides,
            f"Illustrée {number}",
            topics=[habitat],
            tags=[f"mot {number}"],
            listing_image=ImageFactory(),
        )
    with_ten = render()
    for number in range(190):
        make_resource(
            guides,
            f"Autre {number}",
            topics=[habitat],
            tags=[f"tag {number}"],
            listing_image=ImageFactory() if number % 10 == 0 else None,
        )
    assert render() == with_ten


def test_rss_feed_lists_the_latest_items(client, mixed):
    response = client.get("/guides/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Guides — Cœur de ville"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Fiche habitat 2025", "Guide habitat 2023", "Atlas commerce 2022"]
    assert channel.find("item").findtext("link").endswith("/guides/fiche-habitat-2025/")


def test_card_image_without_alt_text_of_its_own_uses_the_image_description(
    client, guides, programme
):
    described = ImageFactory(title="DSC_0001", description="Façades restaurées rue Nationale")
    make_resource(guides, "Avec description", listing_image=described)
    make_resource(
        guides, "Avec son texte", listing_image=ImageFactory(), listing_image_alt="Une halle"
    )
    make_resource(guides, "Sans rien", listing_image=ImageFactory(title="DSC_0002"))
    html = client.get(guides.url).content.decode()
    assert 'alt="Façades restaurées rue Nationale"' in html
    assert 'alt="Une halle"' in html
    assert "DSC_0001" not in html
    assert "DSC_0002" not in html
