import pytest

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, PressIndexPage


@pytest.fixture
def news_index(home_page):
    return child_page(
        home_page,
        NewsIndexPage,
        "actualites",
        title="Actualités",
        introduction="Les nouvelles du programme.",
    )


@pytest.fixture
def press_index(home_page):
    return child_page(
        home_page,
        PressIndexPage,
        "presse",
        title="Espace presse",
        introduction="Pour les journalistes.",
    )
