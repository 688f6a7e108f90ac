"""A resource's own page, and the sections other pages build from the resources."""

import datetime

import pytest

from cms.core.related import sections_for
from cms.programme.models import Topic
from cms.resources.models import ResourcePage

from .factories import make_index, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(programme):
    return {topic.slug: topic for topic in Topic.objects.all()}


@pytest.fixture
def guide(home_page, topics):
    guides = make_index(home_page, "guides", "Guides")
    page = make_resource(
        guides,
        "Les trois périmètres imbriqués",
        resource_type="fiche-pratique",
        summary="Trois échelles pour allier pertinence du projet et focalisation des moyens.",
        published_on=datetime.date(2025, 3, 3),
        updated_on=datetime.date(2025, 6, 2),
        topics=[topics["habitat"], topics["innovation"]],
        tags=["ORT", "périmètres"],
        body=[
            {"type": "heading", "value": {"text": "Le périmètre d’étude", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Le bassin de vie, et a minima l’EPCI.</p>"},
        ],
    )
    return page


def test_resource_page_shows_title_lead_metadata_and_body(client, guide):
    response = client.get(guide.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<header role="banner" class="fr-header">' in html
    assert html.count("<h1") == 1
    assert "<h1>Les trois périmètres imbriqués</h1>" in html
    assert '<p class="fr-text--lead">Trois échelles pour allier' in html
    assert '<p class="fr-badge fr-badge--blue-ecume">Fiche pratique</p>' in html
    assert 'Publié le <time datetime="2025-03-03">3 mars 2025</time>' in html
    assert 'Mis à jour le <time datetime="2025-06-02">2 juin 2025</time>' in html
    assert '<h2 class="fr-mt-4w">Le périmètre d’étude</h2>' in html
    assert "Le bassin de vie, et a minima l’EPCI." in html
    assert '<a class="fr-breadcrumb__link" href="/guides/">Guides</a>' in html


def test_update_date_is_hidden_when_never_updated(client, home_page):
    page = make_resource(make_index(home_page), "Sans mise à jour")
    html = client.get(page.url).content.decode()
    assert "Publié le" in html
    assert "Mis à jour le" not in html


def test_axes_link_to_their_pages_and_tags_back_to_the_filtered_listing(client, guide):
    html = client.get(guide.url).content.decode()
    assert '<a class="fr-tag" href="/axes/habitat/">Habitat</a>' in html
    assert '<a class="fr-tag" href="/axes/innovation/">Innovation</a>' in html
    assert '<a class="fr-tag" href="/guides/?tag=ort">ORT</a>' in html
    assert '<a class="fr-tag" href="/guides/?tag=p%C3%A9rim%C3%A8tres">périmètres</a>' in html
    make_resource(guide.get_parent().specific, "Autre guide", tags=["ORT"])
    listing = client.get("/guides/?tag=p%C3%A9rim%C3%A8tres").content.decode()
    assert "1 ressource correspond à votre recherche." in listing
    assert "Les trois périmètres imbriqués" in listing
    assert "Autre guide" not in listing


def test_related_resources_share_a_topic_and_stop_at_three(client, guide, topics, home_page):
    others = make_index(home_page, "ressources", "Ressources")
    for number in range(4):
        make_resource(
            others,
            f"Habitat {number}",
            topics=[topics["habitat"]],
            published_on=datetime.date(2024, 1, number + 1),
        )
    make_resource(others, "Sans rapport", topics=[topics["mobilite"]])
    html = client.get(guide.url).content.decode()
    related = html.split("Ressources liées</h2>", 1)[1]
    for title in ("Habitat 3", "Habitat 2", "Habitat 1"):
        assert title in related
    assert "Habitat 0" not in related
    assert "Sans rapport" not in related
    assert "Les trois périmètres imbriqués</a>" not in related


def test_no_related_section_without_shared_topics(client, home_page):
    page = make_resource(make_index(home_page), "Isolée")
    assert "Ressources liées" not in client.get(page.url).content.decode()


def test_a_resource_without_topics_looks_for_no_related_ones(home_page, django_assert_num_queries):
    page = make_resource(make_index(home_page), "Isolée")
    with django_assert_num_queries(0):
        assert page.related_resources(topics=[], limit=3) == []


def test_resources_for_topic_are_live_and_newest_first(guide, topics, home_page):
    others = make_index(home_page, "ressources", "Ressources")
    newer = make_resource(
        others, "Plus récente", topics=[topics["habitat"]], published_on=datetime.date(2026, 1, 1)
    )
    draft = make_resource(others, "Brouillon", topics=[topics["habitat"]])
    draft.unpublish()
    published = ResourcePage.objects.published().newest_first()
    assert list(published.about(topics["habitat"])[:5]) == [newer, guide]
    assert list(published.about(topics["habitat"])[:1]) == [newer]
    assert list(published.about(topics["mobilite"])) == []


def test_axis_pages_get_a_guides_and_resources_section(guide, topics):
    sections = {section.title: section for section in sections_for("topic", topics["habitat"])}
    section = sections["Guides et ressources"]
    assert [item.title for item in section.items] == ["Les trois périmètres imbriqués"]
    assert section.more_url == "/ressources/?axe=habitat"
    titles = [s.title for s in sections_for("topic", topics["mobilite"])]
    assert "Guides et ressources" not in titles


def test_axis_page_lists_the_guides_and_resources(client, guide):
    html = client.get("/axes/habitat/").content.decode()
    assert "Guides et ressources</h2>" in html
    assert "Les trois périmètres imbriqués" in html
    assert 'href="/ressources/?axe=habitat"' in html
