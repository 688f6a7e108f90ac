"""Facet counts follow the rule of faceted search on every backend: a field's values are
counted with the OTHER fields' filters only, so a visitor who chose « Bretagne » still sees
how many results the other regions would give, while unselected fields count the results.
Restricted documents never count for someone outside their audience."""

import datetime

import pytest

from search.backends import SearchRequest, get_backend
from search.backends.elasticsearch import search_body
from search.documents import MEMBERS, PUBLIC, SearchDocument, group_audience
from search.query import parse

pytestmark = pytest.mark.django_db


def halle(key, type, region, year, audience=PUBLIC):
    return SearchDocument(
        key=f"halle:{key}",
        type=type,
        title=f"Rénover la halle {key}",
        url=f"/halles/{key}/",
        text="La halle marchande retrouve ses commerçants.",
        date=datetime.date(year, 5, 1),
        region=region,
        audience=audience,
    )


HALLES = [
    halle("a", "guide", "Bretagne", 2024),
    halle("b", "guide", "Normandie", 2023),
    halle("c", "actualite", "Bretagne", 2023),
    halle("d", "actualite", "Occitanie", 2024),
    halle("e", "guide", "Bretagne", 2023, audience=MEMBERS),
    halle("f", "guide", "Normandie", 2024, audience=group_audience(7)),
]


@pytest.fixture
def halles(indexed):
    get_backend().index(HALLES)


def counts(audiences=frozenset({PUBLIC}), **filters):
    results = get_backend().search(SearchRequest(parse("halle"), audiences, filters=filters))
    facets = {
        field: {value.value: value.count for value in values}
        for field, values in results.facets.items()
    }
    return results, facets


def test_one_selected_field_keeps_its_other_values_and_narrows_the_other_fields(halles):
    results, facets = counts(region=["Bretagne"])
    assert sorted(hit.key for hit in results.hits) == ["halle:a", "halle:c"]
    assert results.total == 2
    assert facets["region"] == {"Bretagne": 2, "Normandie": 1, "Occitanie": 1}
    assert facets["type"] == {"guide": 1, "actualite": 1}
    assert facets["year"] == {"2024": 1, "2023": 1}


def test_two_selected_fields_each_count_with_the_other_one_only(halles):
    results, facets = counts(region=["Bretagne"], type=["guide"])
    assert [hit.key for hit in results.hits] == ["halle:a"]
    assert results.total == 1
    # Regions of the guides; types in Bretagne; years of the results only.
    assert facets["region"] == {"Bretagne": 1, "Normandie": 1}
    assert facets["type"] == {"guide": 1, "actualite": 1}
    assert facets["year"] == {"2024": 1}


def test_several_values_of_a_field_and_no_results_still_offer_the_way_out(halles):
    results, facets = counts(region=["Normandie", "Occitanie"], type=["guide"])
    assert [hit.key for hit in results.hits] == ["halle:b"]
    assert facets["region"] == {"Bretagne": 1, "Normandie": 1}
    results, facets = counts(region=["Occitanie"], type=["guide"])
    assert (results.total, results.hits) == (0, [])
    assert facets["region"] == {"Bretagne": 1, "Normandie": 1}
    assert facets["type"] == {"actualite": 1}
    assert "year" not in facets


def test_restricted_documents_count_only_for_their_audience(halles):
    _results, facets = counts(region=["Bretagne"], type=["guide"])
    assert facets["region"] == {"Bretagne": 1, "Normandie": 1}
    members = frozenset({PUBLIC, MEMBERS})
    results, facets = counts(members, region=["Bretagne"], type=["guide"])
    assert sorted(hit.key for hit in results.hits) == ["halle:a", "halle:e"]
    assert facets["region"] == {"Bretagne": 2, "Normandie": 1}
    assert facets["year"] == {"2024": 1, "2023": 1}
    group = frozenset({PUBLIC, MEMBERS, group_audience(7)})
    _results, facets = counts(group, region=["Bretagne"], type=["guide"])
    assert facets["region"] == {"Bretagne": 2, "Normandie": 2}


def test_elasticsearch_counts_each_field_with_the_other_fields_filters():
    request = SearchRequest(
        parse("halle"),
        frozenset({PUBLIC}),
        filters={"region": ["Bretagne"], "type": ["guide"]},
    )
    body = search_body(request)
    region = {"terms": {"region": ["Bretagne"]}}
    type_ = {"terms": {"type": ["guide"]}}
    assert body["post_filter"] == {"bool": {"filter": [region, type_]}}
    facet_filters = {field: agg["filter"]["bool"]["filter"] for field, agg in body["aggs"].items()}
    assert facet_filters["region"] == [type_]
    assert facet_filters["type"] == [region]
    assert facet_filters["year"] == [region, type_]
    assert facet_filters["tag"] == [region, type_]
    # Aggregations run over the query's matches the audience may see; only hits are
    # narrowed by the post_filter.
    assert body["query"]["bool"]["filter"] == [{"terms": {"audience": ["public"]}}]
