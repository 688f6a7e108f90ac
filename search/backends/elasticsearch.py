"""Elasticsearch 9 through elasticsearch-dsl (`elasticsearch.dsl`).

- French analysis: elision, lowercase, asciifolding, French stop words, light French stemmer;
  an edge-ngram sub-field of titles for autocomplete.
- Acronyms are expanded at search time from the glossary, by `search.query` (the same
  groups of alternatives the database backends use, so ambiguous acronyms stay careful).
- Facet counts are aggregations; facet filters go in a `post_filter`, and each facet's
  aggregation is filtered by the *other* facets' filters (multi-select facets).
- « Vouliez-vous dire » is a term suggester over `spelling`, a field only public documents
  fill, so suggestions cannot reveal restricted words.
- `rebuild` bulk-loads a new index and swaps the alias in one request (no downtime).
"""

import datetime
from collections.abc import Iterable
from typing import Any

import elasticsearch
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import (
    Date,
    Index,
    Keyword,
    Mapping,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.dsl.query import Query

from .. import registry
from ..analysis import clean, name_key
from ..documents import FACETS, PUBLIC, SearchDocument
from ..query import Alternative, ParsedQuery
from .base import FacetValue, Hit, Progress, SearchBackend, SearchRequest, SearchResults

BULK_CHUNK = 1000
FACET_SIZE = 12
TEXT_FIELDS = ["title^4", "keywords^2", "summary^2", "text"]

french_elision = token_filter(
    "french_elision",
    type="elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
french_stop = token_filter("french_stop", type="stop", stopwords="_french_")
french_stemmer = token_filter("french_stemmer", type="stemmer", language="light_french")
autocomplete_ngrams = token_filter(
    "autocomplete_ngrams", type="edge_ngram", min_gram=2, max_gram=20
)

french = analyzer(
    "french_text",
    tokenizer="standard",
    filter=[french_elision, "lowercase", "asciifolding", french_stop, french_stemmer],
)
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    filter=[french_elision, "lowercase", "asciifolding", autocomplete_ngrams],
)
folded = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])


def mapping() -> Mapping:
    m = Mapping()
    m.field("key", Keyword())
    m.field("type", Keyword())
    m.field(
        "title",
        Text(
            analyzer=french,
            fields={"autocomplete": Text(analyzer=autocomplete, search_analyzer=folded)},
        ),
    )
    m.field("title_key", Keyword())
    m.field("url", Keyword(index=False))
    m.field("summary", Text(analyzer=french))
    m.field("text", Text(analyzer=french))
    m.field("keywords", Text(analyzer=french))
    m.field("spelling", Text(analyzer=folded))
    m.field("date", Date())
    m.field("audience", Keyword())
    for field in FACETS:
        if field != "type":
            m.field(field, Keyword())
    m.field("town_name", Keyword())
    return m


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.mapping(mapping())
    return index


def document_body(document: SearchDocument) -> dict[str, Any]:
    text = clean(document.text)
    return {
        "key": document.key,
        "type": document.type,
        "title": clean(document.title),
        "title_key": name_key(document.title),
        "url": document.url,
        "summary": clean(document.summary),
        "text": text,
        "keywords": clean(document.keyword_text()),
        "spelling": f"{document.title} {document.summary} {text}"
        if document.audience == PUBLIC
        else "",
        "date": document.date.isoformat() if document.date else None,
        "audience": document.audience,
        "axis": list(document.axes),
        "theme": list(document.themes),
        "region": document.region or None,
        "department": document.department or None,
        "town": document.town or None,
        "town_name": document.town_name or None,
        "tag": list(document.tags),
        "year": str(document.date.year) if document.date else None,
    }


def _alternative(alternative: Alternative) -> Query:
    if alternative.phrase:
        return Q("multi_match", query=alternative.text, fields=TEXT_FIELDS, type="phrase")
    return Q(
        "multi_match",
        query=alternative.text,
        fields=TEXT_FIELDS,
        type="cross_fields",
        operator="and",
    )


def text_query(query: ParsedQuery) -> Query:
    groups = [
        Q("bool", should=[_alternative(a) for a in group], minimum_should_match=1)
        for group in query.groups
    ]
    return Q(
        "bool",
        must=groups,
        must_not=[Q("multi_match", query=word, fields=TEXT_FIELDS) for word in query.excluded],
        # The town (or any page) whose title is exactly what was typed comes first.
        should=[Q("term", title_key={"value": query.name_key, "boost": 20})],
    )


def _filter_clause(field: str, values: list[str]) -> Query:
    return Q("terms", **{field: values})


def search_body(request: SearchRequest) -> dict[str, Any]:
    filters = {f: v for f, v in sorted(request.filters.items()) if f in FACETS and v}
    search = Search().query(
        Q(
            "bool",
            must=[text_query(request.query)],
            filter=[Q("terms", audience=sorted(request.audiences))],
        )
    )
    if filters:
        search = search.post_filter(
            Q("bool", filter=[_filter_clause(f, v) for f, v in filters.items()])
        )
    for field in FACETS:
        others = [_filter_clause(f, v) for f, v in filters.items() if f != field]
        bucket = search.aggs.bucket(field, "filter", filter=Q("bool", filter=others))
        terms = bucket.bucket("values", "terms", field=field, size=FACET_SIZE)
        if field == "town":
            terms.bucket("label", "terms", field="town_name", size=1)
    if request.sort == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    search = search.highlight(
        "summary", "text", number_of_fragments=2, fragment_size=160, no_match_size=200
    ).highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    typed = " ".join(group[0].text for group in request.query.groups)
    search = search.suggest(
        "spelling", typed, term={"field": "spelling", "suggest_mode": "missing"}
    )
    search = search.source(["key", "type", "title", "url", "date"]).extra(track_total_hits=True)
    return search[request.offset : request.offset + request.limit].to_dict()


def autocomplete_body(query: ParsedQuery, audiences: frozenset[str], limit: int) -> dict[str, Any]:
    search = (
        Search()
        .query(
            Q(
                "bool",
                must=[
                    Q("match", **{"title.autocomplete": {"query": query.text, "operator": "and"}})
                ],
                filter=[Q("terms", audience=sorted(audiences))],
                should=[Q("term", title_key={"value": query.name_key, "boost": 5})],
            )
        )
        .source(["key", "type", "title", "url", "date"])
    )
    return search[:limit].to_dict()


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, alias: str | None = None) -> None:
        self.client = Elasticsearch(url, request_timeout=10)
        self.alias = alias or getattr(settings, "SEARCH_INDEX_ALIAS", "coeurdeville-search")

    def check(self) -> list[str]:
        """The client's major version must be the server's (the client refuses others)."""
        try:
            server = self.client.info()["version"]["number"]
        except elasticsearch.ApiError as error:
            return [f"Elasticsearch ne répond pas correctement : {error}"]
        except elasticsearch.TransportError as error:
            return [f"Elasticsearch est injoignable : {error}"]
        client_major = elasticsearch.__versionstr__.split(".")[0]
        if server.split(".")[0] != client_major:
            return [
                f"Le client Elasticsearch {elasticsearch.__versionstr__} ne correspond pas au "
                f"serveur {server} : installez un client de la version majeure du serveur."
            ]
        return []

    def _actions(self, documents: Iterable[SearchDocument], index: str) -> Iterable[dict]:
        for document in documents:
            yield {"_index": index, "_id": document.key, "_source": document_body(document)}

    def index(self, documents: Iterable[SearchDocument]) -> int:
        self._ensure_index()
        count, _errors = helpers.bulk(
            self.client, self._actions(documents, self.alias), chunk_size=BULK_CHUNK, refresh=True
        )
        return count

    def remove(self, keys: Iterable[str]) -> None:
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys]
        if actions and self.client.indices.exists_alias(name=self.alias):
            helpers.bulk(self.client, actions, raise_on_error=False, refresh=True)

    def _ensure_index(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            self.rebuild([])

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias}-{stamp}"
        index_definition(name).create(using=self.client)
        count = 0
        for ok, _item in helpers.streaming_bulk(
            self.client, self._actions(documents, name), chunk_size=BULK_CHUNK
        ):
            count += ok
            if progress and count % BULK_CHUNK == 0:
                progress(count)
        self.client.indices.refresh(index=name)
        old = (
            list(self.client.indices.get_alias(name=self.alias))
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        self.client.indices.update_aliases(
            actions=[
                *({"remove": {"index": index, "alias": self.alias}} for index in old),
                {"add": {"index": name, "alias": self.alias}},
            ]
        )
        for index in old:
            self.client.indices.delete(index=index)
        if progress:
            progress(count)
        return count

    def search(self, request: SearchRequest) -> SearchResults:
        if request.query.is_empty:
            return SearchResults([], 0, {})
        self._ensure_index()
        response = self.client.search(index=self.alias, body=search_body(request))
        return self._results(response, request)

    def _results(self, response: dict[str, Any], request: SearchRequest) -> SearchResults:
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            fragments = [
                f for field in ("summary", "text") for f in hit.get("highlight", {}).get(field, [])
            ]
            hits.append(
                Hit(
                    key=source["key"],
                    type=source["type"],
                    title=source["title"],
                    url=source["url"],
                    date=datetime.date.fromisoformat(source["date"])
                    if source.get("date")
                    else None,
                    # The html encoder escaped the text; only our <mark> tags are markup.
                    snippet=mark_safe(" … ".join(fragments[:2])),
                )
            )
        labels = registry.type_labels()
        facets: dict[str, list[FacetValue]] = {}
        for field in FACETS:
            buckets = (
                response.get("aggregations", {}).get(field, {}).get("values", {}).get("buckets", [])
            )
            values = []
            for bucket in buckets:
                value = str(bucket["key"])
                if field == "type":
                    label = labels.get(value, value)
                elif field == "town" and bucket.get("label", {}).get("buckets"):
                    label = bucket["label"]["buckets"][0]["key"]
                else:
                    label = value
                values.append(FacetValue(value, label, bucket["doc_count"]))
            if values:
                facets[field] = values
        total = response["hits"]["total"]["value"]
        suggestion = None
        if total == 0:
            corrected = " ".join(group[0].text for group in request.query.groups)
            replaced = False
            for entry in response.get("suggest", {}).get("spelling", []):
                if entry["options"]:
                    corrected = corrected.replace(entry["text"], entry["options"][0]["text"])
                    replaced = True
            suggestion = escape(corrected) if replaced else None
        return SearchResults(hits, total, facets, suggestion)

    def autocomplete(
        self, query: ParsedQuery, audiences: frozenset[str], limit: int = 8
    ) -> list[Hit]:
        if len(query.name_key) < 2:
            return []
        self._ensure_index()
        response = self.client.search(
            index=self.alias, body=autocomplete_body(query, audiences, limit)
        )
        return [
            Hit(s["key"], s["type"], s["title"], s["url"], None, mark_safe(""))
            for s in (hit["_source"] for hit in response["hits"]["hits"])
        ]
