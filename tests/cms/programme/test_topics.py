"""/axes/ and /axes/<slug>/: the 5 axes and 3 transversal themes, with the sections other
apps contribute."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from cms.core import related
from cms.core.related import RelatedSection
from cms.programme.models import Topic
from cms.resources.models import ResourcePage
from cms.territories.models import Town
from tests.cms.resources.factories import make_index, make_resource

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_list_shows_the_five_axes_then_the_three_themes(client, programme):
    soup = BeautifulSoup(client.get("/axes/").content, "html.parser")
    axes, themes = soup.select("main section")
    assert axes.h2.get_text() == "Les 5 axes"
    cards = axes.select(".fr-card")
    assert [card.select_one(".fr-card__detail").get_text() for card in cards] == [
        f"Axe {n}" for n in range(1, 6)
    ]
    first = cards[0]
    assert first.h3.a["href"] == "/axes/habitat/"
    assert first.h3.get_text(strip=True) == "Habitat"
    assert first.select_one(".fr-card__desc").get_text() == (
        "De la réhabilitation à la restructuration, vers une offre attractive de l’habitat "
        "en centre-ville"
    )
    assert themes.h2.get_text() == "Les 3 thèmes transversaux"
    assert [a.get_text() for a in themes.select("h3 a")] == [
        "Innovation",
        "Numérique",
        "Animation des centres-villes",
    ]


def test_every_topic_page_renders(client, programme):
    for topic in Topic.objects.all():
        response = client.get(f"/axes/{topic.slug}/")
        assert response.status_code == 200
        assert f"<h1>{topic.short_title}</h1>" in response.content.decode()
    assert client.get("/axes/inconnu/").status_code == 404


def test_topic_page_shows_title_summary_and_introduction(client, programme):
    Topic.objects.filter(slug="habitat").update(
        summary="Remettre sur le marché des logements vacants.",
        introduction="<p>Un <b>enjeu</b> obligatoire de chaque convention.</p>",
    )
    soup = BeautifulSoup(client.get("/axes/habitat/").content, "html.parser")
    main = soup.main
    assert main.select_one(".fr-badge").get_text() == "Axe 1"
    assert main.h1.get_text() == "Habitat"
    text = main.get_text(" ", strip=True)
    assert "vers une offre attractive de l’habitat en centre-ville" in text
    assert "Remettre sur le marché des logements vacants." in text
    assert main.select_one(".cdv-richtext b").get_text() == "enjeu"
    crumbs = [a.get_text(strip=True) for a in soup.select(".fr-breadcrumb__link")]
    assert crumbs == ["Accueil", "Axes et thèmes", "Habitat"]
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description == "Remettre sur le marché des logements vacants."


@pytest.fixture
def topic_section(monkeypatch):
    def towns(topic):
        return RelatedSection(
            title="Villes engagées",
            items=list(Town.objects.with_geography().filter(slug__in=["albi", "agde"])),
            more_url="/villes/",
            item_template="territories/includes/town_card.html",
            order=10,
        )

    def nothing(topic):
        return None

    monkeypatch.setitem(related._providers, "topic", [nothing, towns])


def test_topic_page_lists_sections_from_providers(client, programme, territories, topic_section):
    soup = BeautifulSoup(client.get("/axes/numerique/").content, "html.parser")
    section = soup.select_one("main section")
    assert section.h2.get_text() == "Villes engagées"
    assert [a["href"] for a in section.select("h3 a")] == ["/villes/agde/", "/villes/albi/"]
    assert section.find("a", href="/villes/").get_text(" ", strip=True) == (
        "Tout voir : Villes engagées"
    )
    assert "Aucun contenu n’est encore publié" not in soup.get_text()


def test_topic_without_content_says_so(client, programme, monkeypatch):
    monkeypatch.setitem(related._providers, "topic", [])
    assert (
        "Aucun contenu n’est encore publié sur ce sujet."
        in client.get("/axes/innovation/").content.decode()
    )


def topic_entries(client) -> dict[str, ET.Element]:
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {url.find("sm:loc", NS).text: url for url in root.findall("sm:url", NS)}
    return {
        loc: url for loc, url in entries.items() if "/axes/" in loc and not loc.endswith("/axes/")
    }


def test_sitemap_lists_every_topic(client, home_page, programme):
    entries = topic_entries(client)
    assert set(entries) == {
        f"http://testserver/axes/{slug}/" for slug in Topic.objects.values_list("slug", flat=True)
    }
    assert entries["http://testserver/axes/habitat/"].find("sm:priority", NS).text == "0.8"
    assert entries["http://testserver/axes/innovation/"].find("sm:priority", NS).text == "0.7"
    # Nothing tagged yet: no date to announce.
    assert entries["http://testserver/axes/habitat/"].find("sm:lastmod", NS) is None


def test_sitemap_dates_a_topic_by_its_latest_tagged_page(client, home_page, programme):
    habitat = Topic.objects.get(slug="habitat")
    index = make_index(home_page)
    older, newer = (make_resource(index, title, topics=[habitat]) for title in ("Un", "Deux"))
    for page, day in ((older, 3), (newer, 9)):
        ResourcePage.objects.filter(pk=page.pk).update(
            last_published_at=datetime.datetime(2025, 2, day, 10, tzinfo=datetime.UTC)
        )
    entries = topic_entries(client)
    lastmod = entries["http://testserver/axes/habitat/"].find("sm:lastmod", NS).text
    assert lastmod.startswith("2025-02-09")
    assert entries["http://testserver/axes/numerique/"].find("sm:lastmod", NS) is None
