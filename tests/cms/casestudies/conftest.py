import pytest

from cms.programme.models import Phase, Topic
from cms.territories.models import Town

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
