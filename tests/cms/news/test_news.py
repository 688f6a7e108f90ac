"""« Actualités »: the listing with its filters, the news page, the RSS feed, the latest news."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from cms.core.related import sections_for
from cms.news.models import NewsPage
from cms.programme.models import Topic
from cms.territories.models import Town
from tests.factories import ImageFactory

from .factories import NewsPageFactory
from .helpers import DSFR_HEADER, feed_titles, queries_for

pytestmark = pytest.mark.django_db


def _titles_in_order(html: str) -> list[str]:
    return re.findall(r'class="fr-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_listing_shows_news_newest_first_as_dated_cards(client, news_index):
    NewsPageFactory(
        parent=news_index, title="Plus ancienne", published_on=datetime.date(2018, 3, 27)
    )
    NewsPageFactory(
        parent=news_index, title="Plus récente", published_on=datetime.date(2024, 12, 12)
    )
    response = client.get("/actualites/")
    html = response.content.decode()
    assert response.status_code == 200
    assert DSFR_HEADER in html
    assert _titles_in_order(html) == ["Plus récente", "Plus ancienne"]
    assert "27 mars 2018" in html
    assert '<p class="fr-text--bold" role="status">2 actualités.</p>' in html
    assert 'href="/actualites/rss/"' in html


def test_topic_filter_narrows_the_list(client, news_index, programme):
    habitat = Topic.objects.get(slug="habitat")
    NewsPageFactory(parent=news_index, title="Sur l’habitat", topics=[habitat])
    NewsPageFactory(parent=news_index, title="Sur autre chose")
    html = client.get("/actualites/?axe=habitat").content.decode()
    assert _titles_in_order(html) == ["Sur l’habitat"]
    assert "1 actualité correspond à votre recherche." in html
    assert '<option value="habitat" selected>' in html


def test_year_filter_narrows_the_list(client, news_index):
    NewsPageFactory(parent=news_index, title="En 2022", published_on=datetime.date(2022, 7, 8))
    NewsPageFactory(parent=news_index, title="En 2023", published_on=datetime.date(2023, 1, 12))
    html = client.get("/actualites/?annee=2022").content.decode()
    assert _titles_in_order(html) == ["En 2022"]
    assert '<option value="2022" selected>' in html
    assert '<option value="2023">' in html


def test_pagination_shows_twelve_per_page_and_keeps_the_filters(client, news_index, programme):
    habitat = Topic.objects.get(slug="habitat")
    NewsPageFactory.create_batch(15, parent=news_index, topics=[habitat])
    NewsPageFactory.create_batch(4, parent=news_index)
    first = client.get("/actualites/?axe=habitat").content.decode()
    assert len(_titles_in_order(first)) == 12
    assert "15 actualités" in first
    assert 'href="?axe=habitat&amp;page=2"' in first
    second = client.get("/actualites/?axe=habitat&page=2").content.decode()
    assert len(_titles_in_order(second)) == 3


@pytest.mark.parametrize(
    "query",
    [
        "?axe=inconnu",
        "?annee=abc",
        "?annee=1990",
        "?annee=²",
        "?annee=%D9%A1%D9%A0%D9%A0%D9%A0",
        "?annee=2024%00",
        "?axe=%3Cscript%3E&annee=-1",
        "?page=zzz",
        "?page=999",
    ],
)
def test_bad_filter_values_are_ignored(client, news_index, programme, query):
    NewsPageFactory.create_batch(2, parent=news_index)
    response = client.get(f"/actualites/{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert len(_titles_in_order(html)) == 2
    if "page" not in query:
        assert "fr-alert--warning" in html
        assert "est inconnue : ce filtre a été ignoré" in html or "ont été ignorés" in html
    assert "<script>" not in html.split("</header>")[1].split("<footer")[0]


def test_listing_query_count_is_flat(client, news_index, programme, settings):
    # The rendering itself, compared between an unfiltered and a filtered listing: the
    # unfiltered one would otherwise come from the fragment cache.
    settings.FRAGMENT_CACHE_ENABLED = False
    NewsPageFactory.create_batch(10, parent=news_index)
    few = queries_for(client, "/actualites/")
    shared = ImageFactory(file__width=64, file__height=36)
    NewsPageFactory.create_batch(190, parent=news_index, listing_image=shared)
    many = queries_for(client, "/actualites/")
    assert many == few
    assert queries_for(client, "/actualites/?axe=habitat&annee=2024&page=2") <= few + 1


def test_news_page_shows_date_lead_body_topics_towns_and_tags(
    client, news_index, programme, territories
):
    albi = Town.objects.get(insee_code="81004")
    item = NewsPageFactory(
        parent=news_index,
        title="Réinventons nos cœurs de ville : les lauréats",
        published_on=datetime.date(2022, 7, 8),
        summary="Trente sites lauréats.",
        body=[{"type": "paragraph", "value": "<p>Les villes proposent un site.</p>"}],
        topics=list(Topic.objects.filter(slug__in=["habitat", "innovation"])),
        towns=[albi],
    )
    item.tags.add("appel à projets")
    item.save_revision().publish()
    response = client.get(item.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert DSFR_HEADER in html
    assert "<h1>Réinventons nos cœurs de ville : les lauréats</h1>" in html
    assert '<time datetime="2022-07-08">8 juillet 2022</time>' in html
    assert '<p class="fr-text--lead">Trente sites lauréats.</p>' in html
    assert "Les villes proposent un site." in html
    assert '<a class="fr-tag" href="/axes/habitat/">Habitat</a>' in html
    assert '<a class="fr-tag" href="/axes/innovation/">Innovation</a>' in html
    assert f'href="{albi.get_absolute_url()}">Albi</a>' in html
    assert "appel à projets" in html


def test_rss_feed_lists_the_news(client, news_index):
    NewsPageFactory(parent=news_index, title="Ancienne", published_on=datetime.date(2020, 1, 1))
    NewsPageFactory(parent=news_index, title="Nouvelle", published_on=datetime.date(2024, 1, 1))
    NewsPageFactory(parent=news_index, title="Brouillon", live=False)
    assert feed_titles(client, "/actualites/rss/") == ["Nouvelle", "Ancienne"]


def test_latest_news_returns_newest_live_public_items_only(client, news_index):
    NewsPageFactory(parent=news_index, title="Ancienne", published_on=datetime.date(2019, 1, 1))
    NewsPageFactory(parent=news_index, title="Récente", published_on=datetime.date(2024, 1, 1))
    NewsPageFactory(parent=news_index, title="Moyenne", published_on=datetime.date(2021, 1, 1))
    NewsPageFactory(
        parent=news_index, title="Brouillon", published_on=datetime.date(2025, 1, 1), live=False
    )
    private = NewsPageFactory(
        parent=news_index, title="Réservée", published_on=datetime.date(2025, 1, 2)
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert [page.title for page in NewsPage.objects.published().newest_first()[:2]] == [
        "Récente",
        "Moyenne",
    ]
    assert [page.title for page in NewsPage.objects.published().newest_first()[:10]] == [
        "Récente",
        "Moyenne",
        "Ancienne",
    ]
    home = client.get("/").content.decode()
    assert "Récente" in home
    assert "Brouillon" not in home
    assert "Réservée" not in home


def test_topic_and_town_pages_get_a_news_section(client, news_index, programme, territories):
    habitat = Topic.objects.get(slug="habitat")
    albi = Town.objects.get(insee_code="81004")
    NewsPageFactory(
        parent=news_index,
        title="Habitat à Albi",
        topics=[habitat],
        towns=[albi],
        published_on=datetime.date(2023, 5, 2),
    )
    NewsPageFactory(
        parent=news_index, title="Brouillon", topics=[habitat], towns=[albi], live=False
    )
    [topic_news] = [s for s in sections_for("topic", habitat) if s.title == "Actualités"]
    assert [page.title for page in topic_news.items] == ["Habitat à Albi"]
    assert topic_news.more_url == "/actualites/?axe=habitat"
    [town_news] = [s for s in sections_for("town", albi) if s.title == "Actualités"]
    assert [page.title for page in town_news.items] == ["Habitat à Albi"]
    for url in ("/axes/habitat/", albi.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Habitat à Albi" in html
        assert "2 mai 2023" in html
    elsewhere = Town.objects.exclude(pk=albi.pk).first()
    assert not [s for s in sections_for("town", elsewhere) if s.title == "Actualités"]


def test_only_one_news_listing_and_news_only_under_it(news_index, home_page):
    from cms.news.models import NewsIndexPage

    assert not NewsIndexPage.can_create_at(home_page)
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home_page)
