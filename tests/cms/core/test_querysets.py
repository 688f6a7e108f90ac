"""`published()`: exactly the pages Wagtail's `live().public()` gives, in the listing's own
query (Wagtail's reads the restrictions in a query of its own at each call)."""

import pytest
from wagtail.models import PageViewRestriction

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_tree(home_page, programme):
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    archive = child_page(index, NewsPage, "archive", title="Archive")
    return {
        "index": index,
        "public": child_page(index, NewsPage, "publique", title="Publique"),
        "private": child_page(index, NewsPage, "privee", title="Privée"),
        "archive": archive,
        # A sibling whose path shares the restricted one's prefix but lies outside it.
        "other": child_page(index, NewsPage, "autre", title="Autre"),
    }


def _titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_published_hides_restricted_pages_and_what_lies_below_them(news_tree):
    PageViewRestriction.objects.create(
        page=news_tree["private"], restriction_type=PageViewRestriction.LOGIN
    )
    assert _titles(NewsPage.objects.published()) == ["Archive", "Autre", "Publique"]
    assert _titles(NewsPage.objects.published()) == _titles(NewsPage.objects.live().public())

    PageViewRestriction.objects.create(
        page=news_tree["index"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert _titles(NewsPage.objects.published()) == []
    assert _titles(NewsPage.objects.live().public()) == []


def test_published_keeps_drafts_out(news_tree):
    news_tree["public"].unpublish()
    assert "Publique" not in _titles(NewsPage.objects.published())


def test_published_costs_two_queries_however_many_restrictions(
    news_tree, django_assert_num_queries
):
    for page in (news_tree["private"], news_tree["archive"]):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    with django_assert_num_queries(2):  # the restricted paths, then the listing
        assert _titles(NewsPage.objects.published()) == ["Autre", "Publique"]
