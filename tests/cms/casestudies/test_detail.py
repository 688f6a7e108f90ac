"""A case-study page: key facts, outcomes, axes and tags, and other case studies."""

import datetime

import pytest
from bs4 import BeautifulSoup

from cms.casestudies.models import format_euros
from cms.programme.models import Partner


@pytest.fixture
def study(make_study, towns, topics, phases):
    partners = list(Partner.objects.filter(slug__in=["anah", "al"]))
    return make_study(
        title="Albi rénove les logements du centre",
        slug="albi-logements",
        town=towns["albi"],
        topics=[topics["habitat"], topics["innovation"]],
        phase=phases["deploiement"],
        year=2021,
        budget=1_250_000,
        financing_partners=partners,
        other_financers="Région Occitanie",
        outcomes="<p>Quarante façades rénovées.</p>",
        tag_names=("logement",),
        body=[{"type": "paragraph", "value": "<p>Le récit du projet.</p>"}],
    )


def test_budget_is_written_the_french_way():
    assert format_euros(1_250_000) == "1\u202f250\u202f000\u00a0€"
    assert format_euros(800) == "800\u00a0€"


@pytest.mark.django_db
def test_case_study_page_shows_key_facts_outcomes_and_story(client, study):
    response = client.get("/retours-d-experience/albi-logements/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("header", class_="fr-header")
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [
        "Albi rénove les logements du centre"
    ]
    facts = soup.find("dl")
    facts_text = facts.get_text(" ", strip=True)
    assert facts.find("a", string="Albi")["href"] == "/villes/albi/"
    assert "Tarn (81), Occitanie" in facts_text
    assert "Phase de déploiement" in facts_text
    assert "2021" in facts_text
    assert "1\u202f250\u202f000\u00a0€" in facts_text
    assert "Action Logement" in facts_text
    assert "Agence nationale de l'habitat" in facts_text
    assert "Région Occitanie" in facts_text
    html = response.content.decode()
    assert "Quarante façades rénovées." in html
    assert "Le récit du projet." in html
    assert soup.find("a", string="Habitat")["href"] == "/axes/habitat/"
    assert soup.find("a", string="Innovation")["href"] == "/axes/innovation/"
    assert soup.find("a", string="logement")["href"] == "/retours-d-experience/?tag=logement"
    breadcrumb = [a.get_text(strip=True) for a in soup.select(".fr-breadcrumb__link")]
    assert breadcrumb == ["Accueil", "Retours d’expérience", "Albi rénove les logements du centre"]


@pytest.mark.django_db
def test_optional_facts_are_left_out_when_empty(client, make_study, towns):
    make_study(title="Un projet sans budget", slug="sans-budget", town=towns["niort"])

    soup = BeautifulSoup(client.get("/retours-d-experience/sans-budget/").content, "html.parser")

    facts = soup.find("dl").get_text(" ", strip=True)
    assert "Budget" not in facts
    assert "Phase" not in facts
    assert "Partenaires" not in facts


@pytest.mark.django_db
def test_other_case_studies_come_from_the_same_town_first_then_the_same_axis(
    client, study, make_study, towns, topics
):
    make_study(
        title="Arles et l’habitat",
        town=towns["arles"],
        topics=[topics["habitat"]],
        published_on=datetime.date(2025, 1, 1),
    )
    make_study(
        title="Albi et ses commerces",
        town=towns["albi"],
        topics=[topics["economie-et-commerce"]],
        published_on=datetime.date(2020, 1, 1),
    )
    make_study(title="Foix et la mobilité", town=towns["foix"], topics=[topics["mobilite"]])

    soup = BeautifulSoup(client.get("/retours-d-experience/albi-logements/").content, "html.parser")

    section = soup.find("h2", string="Autres retours d’expérience").find_parent("section")
    assert [title.get_text(strip=True) for title in section.select(".fr-card__title")] == [
        "Albi et ses commerces",
        "Arles et l’habitat",
    ]


def test_a_case_study_without_axes_lists_the_others_of_its_town(make_study, towns, topics):
    page = make_study(title="Albi sans axe", town=towns["albi"])
    make_study(title="Albi et ses commerces", town=towns["albi"], topics=[topics["habitat"]])
    make_study(title="Arles et l’habitat", town=towns["arles"], topics=[topics["habitat"]])
    related = page.related_case_studies(topics=[], limit=3)
    assert [study.title for study in related] == ["Albi et ses commerces"]


@pytest.mark.django_db
def test_editors_can_open_the_case_study_form(admin_client, index, territories, programme):
    response = admin_client.get(f"/admin/pages/add/casestudies/casestudypage/{index.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    for heading in ["Le projet", "Financement", "Classement"]:
        assert heading in html
    assert 'name="town"' in html


@pytest.mark.django_db
def test_editors_preview_renders_the_page(study):
    study.title = "Titre en cours de relecture"

    response = study.make_preview_request()

    assert response.status_code == 200
    assert "Titre en cours de relecture" in response.content.decode()
