import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.programme.models import Phase, Topic
from cms.territories.models import Town
from tests.factories import ImageFactory

from .factories import CaseStudyIndexPageFactory, CaseStudyPageFactory


@pytest.fixture
def index(home_page):
    return CaseStudyIndexPageFactory(parent=home_page)


@pytest.fixture
def towns(territories):
    return {
        town.slug: town
        for town in Town.objects.filter(slug__in=["albi", "foix", "arles", "lannion", "niort"])
    }


@pytest.fixture
def topics(programme):
    return {topic.slug: topic for topic in Topic.objects.all()}


@pytest.fixture
def phases(programme):
    return {phase.key: phase for phase in Phase.objects.all()}


@pytest.fixture
def make_study(index):
    def make(**kwargs):
        return CaseStudyPageFactory(parent=index, **kwargs)

    return make


@pytest.fixture
def add_studies(make_study, towns, topics, phases):
    """`add_studies(count, start)`: that many more case studies, numbered from `start`, over
    the towns, three images and seven tags in turn (for query counts as the listing grows)."""
    images = [ImageFactory() for _ in range(3)]
    town_list = list(towns.values())

    def add(count: int, start: int) -> None:
        for number in range(start, start + count):
            make_study(
                title=f"Projet {number}",
                town=town_list[number % len(town_list)],
                topics=[topics["habitat"], topics["innovation"]],
                phase=phases["deploiement"],
                listing_image=images[number % 3],
                tag_names=(f"mot-{number % 7}",),
            )

    return add


@pytest.fixture
def count_queries(client):
    """`count_queries(url)`: the queries of a second request for `url` (the first one
    generates the renditions), which must answer 200."""

    def count(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    return count
