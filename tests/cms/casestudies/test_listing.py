"""`/retours-d-experience/`: the listing, its filters, pagination and notices."""

import datetime

import pytest
from bs4 import BeautifulSoup

URL = "/retours-d-experience/"


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".fr-card__title")]


@pytest.fixture
def three_studies(make_study, towns, topics, phases):
    """Albi (Occitanie, habitat), Arles (PACA, commerce), Lannion (Bretagne, innovation)."""
    return [
        make_study(
            title="Albi rénove ses logements",
            town=towns["albi"],
            topics=[topics["habitat"]],
            phase=phases["deploiement"],
            tag_names=("logement",),
            published_on=datetime.date(2024, 3, 1),
        ),
        make_study(
            title="Arles soutient ses commerces",
            town=towns["arles"],
            topics=[topics["economie-et-commerce"]],
            phase=phases["initialisation"],
            tag_names=("commerce",),
            published_on=datetime.date(2024, 5, 1),
        ),
        make_study(
            title="Lannion expérimente",
            town=towns["lannion"],
            topics=[topics["innovation"]],
            tag_names=("commerce",),
            published_on=datetime.date(2024, 1, 1),
        ),
    ]


@pytest.mark.django_db
def test_listing_shows_cards_newest_first_with_town_and_year(client, three_studies):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<header role="banner" class="fr-header">' in html
    assert titles(response) == [
        "Arles soutient ses commerces",
        "Albi rénove ses logements",
        "Lannion expérimente",
    ]
    assert "Albi · 2022" in html
    assert "3 retours d’expérience publiés." in html
    assert 'href="/retours-d-experience/rss/"' in html


@pytest.mark.django_db
def test_filter_form_has_a_labelled_select_per_filter_and_a_reset_link(client, three_studies):
    soup = BeautifulSoup(client.get(URL).content, "html.parser")

    for name in ["axe", "region", "departement", "ville", "phase", "tag"]:
        select = soup.find("select", attrs={"name": name})
        assert select is not None, name
        assert soup.find("label", attrs={"for": select["id"]}).get_text(strip=True)
    assert soup.find("a", string="Réinitialiser les filtres")["href"] == URL
    # Only towns that have case studies are offered.
    towns = [option.get_text() for option in soup.select("select[name=ville] option")]
    assert towns == ["Toutes les villes", "Albi", "Arles", "Lannion"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "axe=habitat",
        "region=76",
        "departement=81",
        "ville=albi",
        "phase=deploiement",
        "tag=logement",
    ],
)
def test_each_filter_narrows_the_list(client, three_studies, query):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert titles(response) == ["Albi rénove ses logements"]
    assert "1 retour d’expérience correspond à votre recherche." in response.content.decode()


@pytest.mark.django_db
def test_the_selected_filter_stays_selected(client, three_studies):
    soup = BeautifulSoup(client.get(f"{URL}?region=76").content, "html.parser")

    selected = soup.select_one("select[name=region] option[selected]")
    assert selected.get_text() == "Occitanie"


@pytest.mark.django_db
def test_filters_combine(client, three_studies, make_study, towns, topics):
    make_study(
        title="Foix et son commerce", town=towns["foix"], topics=[topics["economie-et-commerce"]]
    )

    assert titles(client.get(f"{URL}?region=76&axe=economie-et-commerce")) == [
        "Foix et son commerce"
    ]
    assert titles(client.get(f"{URL}?tag=commerce&axe=innovation")) == ["Lannion expérimente"]
    response = client.get(f"{URL}?region=76&axe=mobilite")
    assert titles(response) == []
    assert "Aucun retour d’expérience ne correspond à votre recherche." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, make_study, towns):
    for number in range(15):
        make_study(title=f"Albi, projet {number}", town=towns["albi"])
    make_study(title="Arles, projet", town=towns["arles"])

    first = client.get(f"{URL}?ville=albi")
    assert len(titles(first)) == 12
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".fr-pagination__link--next")["href"]
    assert next_link == "?ville=albi&page=2"

    second = client.get(f"{URL}{next_link}")
    assert len(titles(second)) == 3
    assert all(title.startswith("Albi") for title in titles(second))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "region=zz",
        "axe=%3Cscript%3E",
        "ville=paris",
        "phase=12",
        "tag=inconnu",
        "departement=999",
        "page=abc",
        "page=99",
    ],
)
def test_unknown_values_are_ignored_with_a_notice(client, three_studies, query):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert len(titles(response)) == 3
    html = response.content.decode()
    if not query.startswith("page="):
        assert "ce filtre a été ignoré" in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.django_db
def test_several_unknown_values_are_listed_in_one_notice(client, three_studies):
    html = client.get(f"{URL}?region=zz&ville=albi&tag=nope").content.decode()

    assert "filtres « Région », « Mot-clé » sont inconnues : ces filtres ont été ignorés" in html


@pytest.mark.django_db
def test_query_count_stays_flat_as_case_studies_grow(add_studies, count_queries):
    add_studies(10, 0)
    small = [count_queries(URL), count_queries(f"{URL}?axe=habitat&region=76")]
    add_studies(190, 10)
    large = [count_queries(URL), count_queries(f"{URL}?axe=habitat&region=76")]

    assert small == large
