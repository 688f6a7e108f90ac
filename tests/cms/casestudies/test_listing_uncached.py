"""The case-study listing rendered with every cache off (`FRAGMENT_CACHE_ENABLED=false`):
what its queries read, how many there are, and that the cheaper queries find the same rows
the plain ones did."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.http import QueryDict
from wagtail.models import PageViewRestriction

from cms.casestudies.filters import CaseStudyFilterForm
from cms.casestudies.models import CaseStudyIndexPage, CaseStudyPage

URL = "/retours-d-experience/"

pytestmark = pytest.mark.django_db

# What the page shares with every page (site, page walk, restrictions, settings, menus),
# then the listing's own seven queries.
LISTING_QUERIES = 7 + 7


@pytest.fixture(autouse=True)
def _every_cache_off(settings, tmp_path):
    settings.FRAGMENT_CACHE_ENABLED = False
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def studies(make_study, towns, topics, phases):
    """Two case studies with two axes or themes and two tags each, one without any."""
    return [
        make_study(
            title="Albi",
            town=towns["albi"],
            topics=[topics["innovation"], topics["habitat"]],
            tag_names=("logement", "commerce"),
            published_on=datetime.date(2024, 3, 1),
        ),
        make_study(
            title="Arles",
            town=towns["arles"],
            topics=[topics["innovation"], topics["economie-et-commerce"]],
            tag_names=("commerce", "gare"),
            published_on=datetime.date(2024, 5, 1),
        ),
        make_study(title="Foix", town=towns["foix"], published_on=datetime.date(2024, 1, 1)),
    ]


def badges(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        card.select_one(".fr-card__title").get_text(strip=True): (
            badge.get_text(strip=True) if (badge := card.select_one(".fr-badge")) else ""
        )
        for card in soup.select(".fr-card")
    }


def test_the_badge_is_the_first_axis_or_theme_as_the_page_lists_them(client, studies, topics):
    expected = {
        study.title: first.short_title if (first := study.topics.all().first()) else ""
        for study in CaseStudyPage.objects.all()
    }
    assert badges(client.get(URL)) == expected
    # Not the order they were given in: axes first, then themes, each by number.
    assert expected["Albi"] == topics["habitat"].short_title
    assert expected["Foix"] == ""


@pytest.mark.parametrize(
    "active",
    [
        {"axe": "habitat"},
        {"tag": "commerce"},
        {"axe": "innovation", "tag": "commerce"},
        {"axe": "habitat", "tag": "gare", "ville": "arles"},
        {"axe": "mobilite"},
    ],
)
def test_many_to_many_filters_find_the_rows_a_join_finds_once_each(studies, active):
    lookups = CaseStudyFilterForm.LOOKUPS
    joined = CaseStudyPage.objects.filter(
        **{lookups[name]: value for name, value in active.items()}
    )
    form = CaseStudyFilterForm(choices={name: [] for name in lookups})
    narrowed = form.narrow(CaseStudyPage.objects.all(), active)

    assert sorted(page.pk for page in narrowed) == sorted(page.pk for page in joined)
    # The listing's own query joins neither the topics nor the tags: they are a subquery.
    outer = str(narrowed.query).split("IN (SELECT", 1)[0]
    assert "programme_topic" not in outer
    assert "taggit_tag" not in outer


def test_query_count_is_fixed_and_small(add_studies, count_queries):
    add_studies(3, 0)
    small = [count_queries(URL), count_queries(f"{URL}?axe=habitat&tag=mot-1")]
    add_studies(20, 3)
    large = [count_queries(URL), count_queries(f"{URL}?axe=habitat&tag=mot-1")]

    assert small == large
    # The listing's own: five for the filters' options (the case studies per town, the
    # towns, axes and themes, phases, tags; the per-town numbers add up to the count), the
    # cards with their image, town and badge, their renditions.
    assert count_queries(f"{URL}?page=2") <= LISTING_QUERIES
    # A filtered listing counts its cards (one query more); an ignored filter does not.
    assert count_queries(f"{URL}?axe=habitat") == count_queries(URL) + 1
    assert count_queries(f"{URL}?ville=inconnue") == count_queries(URL)


def options(response, name: str) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [option["value"] for option in soup.select(f"select[name={name}] option")][1:]


def result_line(response) -> str:
    return (
        BeautifulSoup(response.content, "html.parser")
        .select_one("[role=status]")
        .get_text(" ", strip=True)
    )


@pytest.fixture
def hidden_studies(make_study, towns, topics):
    """Albi, published; Foix (Occitanie too) a draft; Arles (PACA) private."""
    make_study(title="Albi", town=towns["albi"], topics=[topics["habitat"]], tag_names=("vu",))
    draft = make_study(title="Foix", town=towns["foix"], tag_names=("brouillon",))
    draft.unpublish()
    private = make_study(title="Arles", town=towns["arles"], tag_names=("reserve",))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_drafts_and_private_case_studies_offer_no_filter_and_are_not_counted(
    client, hidden_studies
):
    response = client.get(URL)

    assert options(response, "ville") == ["albi"]
    assert options(response, "departement") == ["81"]
    assert options(response, "region") == ["76"]
    assert options(response, "tag") == ["vu"]
    assert result_line(response) == "1 retour d’expérience publié."
    assert result_line(client.get(f"{URL}?ville=foix")) == "1 retour d’expérience publié."


def test_the_count_is_of_the_cards_listed(client, studies, make_study, towns):
    make_study(title="Albi encore", town=towns["albi"])

    assert result_line(client.get(URL)) == "4 retours d’expérience publiés."
    # An unknown value is ignored: every case study is listed, and counted.
    assert result_line(client.get(f"{URL}?ville=nulle-part")) == "4 retours d’expérience publiés."
    assert result_line(client.get(f"{URL}?ville=albi")) == (
        "2 retours d’expérience correspondent à votre recherche."
    )
    assert result_line(client.get(f"{URL}?axe=habitat")) == (
        "1 retour d’expérience correspond à votre recherche."
    )


def test_a_case_study_made_private_after_the_listing_was_served_leaves_its_filters(client, studies):
    """The filters' queries are compiled once per process (`cms.casestudies.filters`): the
    view restrictions of the moment are part of their shape, so a case study made private
    once the listing has been served takes its town and tags out, and back when public."""
    assert options(client.get(URL), "tag") == ["commerce", "gare", "logement"]
    restriction = PageViewRestriction.objects.create(
        page=studies[1], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get(URL)
    assert options(response, "tag") == ["commerce", "logement"]
    assert "arles" not in options(response, "ville")
    assert result_line(response) == "2 retours d’expérience publiés."
    # The page of cards and the filtered count are compiled too.
    assert list(badges(response)) == ["Albi", "Foix"]
    filtered = client.get(f"{URL}?axe=innovation")
    assert list(badges(filtered)) == ["Albi"]
    assert result_line(filtered) == "1 retour d’expérience correspond à votre recherche."

    restriction.delete()
    response = client.get(URL)
    assert options(response, "tag") == ["commerce", "gare", "logement"]
    assert "arles" in options(response, "ville")


def test_cards_and_count_are_those_of_the_plain_queries(client, studies, add_studies):
    """The page of cards and the filtered count run as queries compiled once per process
    (`cms.casestudies.filters`): for every filter combination and page, they list and count
    what the plain querysets do, the second time (SQL reused, other values) as the first."""
    add_studies(30, 0)
    index = CaseStudyIndexPage.objects.get()
    queries = [
        "",
        "page=2",
        "page=3",
        "page=99",
        "page=abc",
        "axe=habitat",
        "axe=habitat&page=2",
        "axe=economie-et-commerce",
        "tag=mot-1",
        "tag=mot-2&axe=habitat",
        "tag=commerce&ville=arles",
        "phase=deploiement&page=2",
        "region=76&axe=innovation",
        "departement=13&tag=gare",
    ]
    for query in queries * 2:
        params = QueryDict(query)
        active = {name: params[name] for name in CaseStudyFilterForm.LOOKUPS if params.get(name)}
        expected = CaseStudyFilterForm.narrow(index.case_studies(), active).newest_first()
        page = Paginator(expected, index.per_page).get_page(params.get("page"))

        response = client.get(f"{URL}?{query}")

        assert list(badges(response)) == [study.title for study in page], query
        number = re.match(r"\d+", result_line(response))
        assert int(number.group()) == expected.count(), query
