"""Publishing, unpublishing, deleting, moving a page or changing its privacy updates the
search index once the transaction commits (through the Celery task, eager in tests)."""

import pytest
from wagtail.models import PageViewRestriction

from cms.territories.models import Town
from search import indexing
from search.backends import SearchRequest, get_backend
from search.documents import PUBLIC
from search.query import parse
from tests.cms.resources.factories import make_index, make_resource

pytestmark = pytest.mark.django_db


def found(query):
    results = get_backend().search(SearchRequest(parse(query), frozenset({PUBLIC})))
    return [(hit.title, hit.url, hit.type) for hit in results.hits]


@pytest.fixture
def guides(home_page):
    return make_index(home_page)


def test_a_published_page_is_found_with_its_classification(
    guides, programme, django_capture_on_commit_callbacks
):
    from cms.programme.models import Topic

    habitat = Topic.objects.get(slug="habitat")
    with django_capture_on_commit_callbacks(execute=True):
        make_resource(
            guides,
            "Reconquérir les friches urbaines",
            slug="friches-urbaines",
            topics=[habitat],
            tags=["friche"],
        )
    assert found("friche") == [
        ("Reconquérir les friches urbaines", "/guides/friches-urbaines/", "guide")
    ]
    results = get_backend().search(SearchRequest(parse("friche"), frozenset({PUBLIC})))
    assert [v.value for v in results.facets["axis"]] == [habitat.short_title]
    assert [v.value for v in results.facets["tag"]] == ["friche"]


def test_unpublishing_and_deleting_remove_the_page(guides, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = make_resource(guides, "Friches et commerces")
        second = make_resource(guides, "Friches et logements")
    assert len(found("friches")) == 2
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert [title for title, *_ in found("friches")] == ["Friches et logements"]
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert found("friches") == []


def test_a_private_section_disappears_from_search_and_comes_back(
    guides, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_resource(guides, "Vacance commerciale")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=guides, restriction_type=PageViewRestriction.LOGIN
        )
    assert found("vacance") == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert len(found("vacance")) == 1


def test_moving_a_section_updates_its_pages_urls(
    home_page, guides, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_resource(guides, "Mobilités douces", slug="mobilites-douces")
        other = make_index(home_page, slug="ressources", title="Ressources")
    with django_capture_on_commit_callbacks(execute=True):
        guides.move(other, pos="last-child")
    assert found("mobilites")[0][1] == "/ressources/guides/mobilites-douces/"


def test_towns_are_found_first_by_name_and_reindexed_when_edited(
    territories, django_capture_on_commit_callbacks
):
    indexing.rebuild()
    assert found("chalon sur saone")[0] == (
        "Chalon-sur-Saône",
        "/villes/chalon-sur-saone/",
        "ville",
    )
    town = Town.objects.get(name="Chalon-sur-Saône")
    with django_capture_on_commit_callbacks(execute=True):
        town.summary = "Réhabilitation des quais et de l’hôtel-Dieu."
        town.save()
    assert found("quais hotel dieu")[0][0] == "Chalon-sur-Saône"


def test_an_alias_of_a_private_page_is_not_found(
    home_page, guides, django_capture_on_commit_callbacks
):
    """An alias shows its source page: when the source is private (itself or through its
    section), the alias is not found either, as indexed on the change or rebuilt."""
    resources = make_index(home_page, slug="ressources", title="Ressources")
    with django_capture_on_commit_callbacks(execute=True):
        source = make_resource(guides, "Vacance commerciale")
        source.create_alias(parent=resources, update_slug="vacance-copie")
    assert len(found("vacance")) == 2
    for private in (source, guides):
        with django_capture_on_commit_callbacks(execute=True):
            restriction = PageViewRestriction.objects.create(
                page=private, restriction_type=PageViewRestriction.LOGIN
            )
        assert found("vacance") == [], private
        indexing.rebuild()
        assert found("vacance") == [], private
        with django_capture_on_commit_callbacks(execute=True):
            restriction.delete()
        assert len(found("vacance")) == 2
    # An alias made while its source is private is not indexed either.
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
        source.create_alias(parent=resources, update_slug="vacance-copie-2")
    assert found("vacance") == []
