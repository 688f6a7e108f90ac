"""Elasticsearch backend: the exact index definition and request bodies it sends (always
run), and contract tests against a real server (run when ELASTICSEARCH_URL is set)."""

import os
from unittest import mock

import elasticsearch
import pytest

from search.backends.base import SearchRequest
from search.backends.elasticsearch import (
    ElasticsearchBackend,
    autocomplete_body,
    document_body,
    index_definition,
    search_body,
)
from search.query import Alternative, ParsedQuery, parse

from .conftest import DOCUMENTS

FIELDS = ["title^4", "keywords^2", "summary^2", "text"]
ES_URL = os.environ.get("ELASTICSEARCH_URL", "")


def words_query(text):
    return {
        "multi_match": {"query": text, "fields": FIELDS, "operator": "and", "type": "cross_fields"}
    }


def test_index_definition_french_analysis_and_mapping():
    definition = index_definition("cdv-test").to_dict()
    assert definition["settings"]["analysis"] == {
        "analyzer": {
            "french_text": {
                "tokenizer": "standard",
                "filter": [
                    "french_elision",
                    "lowercase",
                    "asciifolding",
                    "french_stop",
                    "french_stemmer",
                ],
                "type": "custom",
            },
            "autocomplete": {
                "tokenizer": "standard",
                "filter": ["french_elision", "lowercase", "asciifolding", "autocomplete_ngrams"],
                "type": "custom",
            },
            "folded": {
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
                "type": "custom",
            },
        },
        "filter": {
            "french_elision": {
                "articles_case": True,
                "articles": [
                    *["l", "m", "t", "qu", "n", "s", "j", "d", "c"],
                    *["jusqu", "quoiqu", "lorsqu", "puisqu"],
                ],
                "type": "elision",
            },
            "french_stop": {"stopwords": "_french_", "type": "stop"},
            "french_stemmer": {"language": "light_french", "type": "stemmer"},
            "autocomplete_ngrams": {"min_gram": 2, "max_gram": 20, "type": "edge_ngram"},
        },
    }
    keyword = {"type": "keyword"}
    french = {"analyzer": "french_text", "type": "text"}
    assert definition["mappings"] == {
        "properties": {
            "key": keyword,
            "type": keyword,
            "title": {
                **french,
                "fields": {
                    "autocomplete": {
                        "analyzer": "autocomplete",
                        "search_analyzer": "folded",
                        "type": "text",
                    }
                },
            },
            "title_key": keyword,
            "url": {"index": False, "type": "keyword"},
            "summary": french,
            "text": french,
            "keywords": french,
            "spelling": {"analyzer": "folded", "type": "text"},
            "date": {"type": "date"},
            "audience": keyword,
            **{field: keyword for field in ("axis", "theme", "region", "department", "town")},
            "tag": keyword,
            "year": keyword,
            "town_name": keyword,
        }
    }
    assert definition["settings"]["number_of_shards"] == 1


def test_search_body_with_acronym_exclusion_filters_and_date_sort():
    query = ParsedQuery(
        text="ORT friche -gare",
        groups=[
            [Alternative("ort"), Alternative("operation de revitalisation de territoire")],
            [Alternative("friche")],
        ],
        excluded=["gare"],
        name_key="ort friche gare",
    )
    request = SearchRequest(
        query,
        frozenset({"public", "members"}),
        filters={"region": ["Bretagne"], "year": ["2024"], "unknown": ["x"]},
        sort="date",
        offset=20,
        limit=20,
    )
    region = {"terms": {"region": ["Bretagne"]}}
    year = {"terms": {"year": ["2024"]}}

    def facet(field, filters, **extra):
        terms = {"terms": {"field": field, "size": 12}, **extra}
        return {"filter": {"bool": {"filter": filters}}, "aggs": {"values": terms}}

    assert search_body(request) == {
        "query": {
            "bool": {
                "filter": [{"terms": {"audience": ["members", "public"]}}],
                "must": [
                    {
                        "bool": {
                            "must": [
                                {
                                    "bool": {
                                        "minimum_should_match": 1,
                                        "should": [
                                            words_query("ort"),
                                            words_query(
                                                "operation de revitalisation de territoire"
                                            ),
                                        ],
                                    }
                                },
                                {
                                    "bool": {
                                        "minimum_should_match": 1,
                                        "should": [words_query("friche")],
                                    }
                                },
                            ],
                            "must_not": [{"multi_match": {"query": "gare", "fields": FIELDS}}],
                            "should": [
                                {"term": {"title_key": {"value": "ort friche gare", "boost": 20}}}
                            ],
                        }
                    }
                ],
            }
        },
        "post_filter": {"bool": {"filter": [region, year]}},
        "aggs": {
            "type": facet("type", [region, year]),
            "axis": facet("axis", [region, year]),
            "theme": facet("theme", [region, year]),
            "region": facet("region", [year]),
            "department": facet("department", [region, year]),
            "town": facet(
                "town",
                [region, year],
                aggs={"label": {"terms": {"field": "town_name", "size": 1}}},
            ),
            "tag": facet("tag", [region, year]),
            "year": facet("year", [region]),
        },
        "sort": [{"date": {"order": "desc", "missing": "_last"}}, "_score"],
        "track_total_hits": True,
        "from": 20,
        "size": 20,
        "_source": ["key", "type", "title", "url", "date"],
        "highlight": {
            "fields": {
                "summary": {"number_of_fragments": 2, "fragment_size": 160, "no_match_size": 200},
                "text": {"number_of_fragments": 2, "fragment_size": 160, "no_match_size": 200},
            },
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
        },
        "suggest": {
            "spelling": {
                "text": "ort friche",
                "term": {"field": "spelling", "suggest_mode": "missing"},
            }
        },
    }


def test_phrases_use_match_phrase_and_autocomplete_uses_edge_ngrams():
    query = ParsedQuery(text='"quartier de gare"', groups=[[Alternative("quartier de gare", True)]])
    body = search_body(SearchRequest(query, frozenset({"public"})))
    group = body["query"]["bool"]["must"][0]["bool"]["must"][0]["bool"]["should"]
    assert group == [
        {"multi_match": {"query": "quartier de gare", "fields": FIELDS, "type": "phrase"}}
    ]
    assert "sort" not in body
    assert autocomplete_body(
        ParsedQuery(text="Chalon s", name_key="chalon s"), frozenset({"public"}), 8
    ) == {
        "query": {
            "bool": {
                "must": [
                    {"match": {"title.autocomplete": {"query": "Chalon s", "operator": "and"}}}
                ],
                "filter": [{"terms": {"audience": ["public"]}}],
                "should": [{"term": {"title_key": {"value": "chalon s", "boost": 5}}}],
            }
        },
        "_source": ["key", "type", "title", "url", "date"],
        "size": 8,
    }


def test_documents_only_feed_the_spelling_field_when_public():
    public, restricted = DOCUMENTS[0], DOCUMENTS[-2]
    body = document_body(public)
    assert body["title_key"] == "reconvertir les friches commerciales"
    assert body["town"] == "22278"
    assert body["year"] == "2024"
    assert body["tag"] == ["friche", "commerce"]
    assert "friches" in body["spelling"]
    assert document_body(restricted)["spelling"] == ""
    assert document_body(restricted)["audience"] == "group:7"


def test_start_up_check_compares_client_and_server_majors():
    backend = ElasticsearchBackend("http://127.0.0.1:9")
    major = int(elasticsearch.__versionstr__.split(".")[0])
    with mock.patch.object(
        backend.client, "info", return_value={"version": {"number": f"{major}.1.0"}}
    ):
        assert backend.check() == []
    with mock.patch.object(
        backend.client, "info", return_value={"version": {"number": f"{major - 1}.17.0"}}
    ):
        (problem,) = backend.check()
        assert "ne correspond pas au serveur" in problem


def test_responses_become_results_with_labels_and_safe_snippets(db):
    backend = ElasticsearchBackend("http://127.0.0.1:9")
    response = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_source": {
                        "key": "page:1",
                        "type": "guide",
                        "title": "Friches",
                        "url": "/guides/friches/",
                        "date": "2024-03-01",
                    },
                    "highlight": {"text": ["les <mark>friches</mark> &lt;b&gt;"]},
                }
            ],
        },
        "aggregations": {
            "town": {
                "values": {
                    "buckets": [
                        {
                            "key": "71076",
                            "doc_count": 1,
                            "label": {"buckets": [{"key": "Chalon-sur-Saône", "doc_count": 1}]},
                        }
                    ]
                }
            },
            "type": {"values": {"buckets": [{"key": "guide", "doc_count": 1}]}},
        },
    }
    results = backend._results(response, SearchRequest(parse("friches"), frozenset({"public"})))
    assert results.total == 1
    assert results.hits[0].snippet == "les <mark>friches</mark> &lt;b&gt;"
    assert results.facets["town"][0].label == "Chalon-sur-Saône"
    assert results.facets["type"][0].label == "Guide"


@pytest.mark.skipif(not ES_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch server")
class TestAgainstARealServer:
    @pytest.fixture
    def backend(self, db, programme):
        backend = ElasticsearchBackend(ES_URL, alias="coeurdeville-test")
        assert backend.check() == []
        backend.rebuild(iter(DOCUMENTS))
        yield backend
        backend.client.indices.delete(index="coeurdeville-test-*")

    def test_french_analysis_acronyms_towns_and_audiences(self, backend):
        def keys(query, audiences=frozenset({"public"})):
            results = backend.search(SearchRequest(parse(query), audiences))
            return [hit.key for hit in results.hits]

        assert "fake:friches" in keys("friche")
        assert keys("equipement") == ["fake:equipements"]
        assert set(keys("ORT")) == {"fake:ort-guide", "fake:ort-news"}
        assert keys("chalon sur saone")[0] == "fake:town-chalon"
        assert "fake:group-post" not in keys("zanzibariennes")
        assert keys("zanzibariennes", frozenset({"public", "group:7"})) == ["fake:group-post"]

    def test_rebuild_swaps_the_alias(self, backend):
        backend.rebuild(iter(DOCUMENTS[:2]))
        indices = backend.client.indices.get_alias(name="coeurdeville-test")
        assert len(indices) == 1
        assert backend.search(SearchRequest(parse("ORT"), frozenset({"public"}))).total == 0


def test_system_check_reports_an_unreachable_or_mismatched_server(settings):
    from search.checks import elasticsearch_version

    settings.ELASTICSEARCH_URL = ""
    assert elasticsearch_version() == []
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with mock.patch.object(
        ElasticsearchBackend, "check", return_value=["Le client Elasticsearch 9 ne correspond pas"]
    ):
        (error,) = elasticsearch_version()
    assert error.id == "search.E001"
