"""What the PostgreSQL and SQLite backends share: the index tables, facets, suggestions,
autocomplete and the shape of the SQL; each subclass brings its full-text matching."""

from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from django.db import connection, transaction
from django.db.models import F

from .. import registry
from ..analysis import STOP_WORDS, clean, name_key, words
from ..documents import FACETS, PUBLIC, SearchDocument
from ..models import FacetLabel, IndexEntry, Term
from ..query import ParsedQuery
from ..snippets import highlight
from .base import FacetValue, Hit, Progress, SearchBackend, SearchRequest, SearchResults

CHUNK = 2000
# A chunk's entries and the words its public documents add to the suggestions.
Analysed = tuple[list[IndexEntry], Counter[str]]
FACET_VALUES_SHOWN = 12
# Counting stops there (as Elasticsearch's default `track_total_hits` does); the facet
# counts are then those of the matches counted, and the page says so.
COUNT_LIMIT = 10_000


def vocabulary(document: SearchDocument | IndexEntry) -> set[str]:
    """Words a spelling suggestion may propose, from one public document."""
    text = f"{document.title} {document.summary} {document.text}"
    return {word for word in set(words(text)) if _suggestable(word)}


@lru_cache(maxsize=1 << 16)
def _suggestable(word: str) -> bool:
    return 3 <= len(word) <= 40 and word.isalpha() and word not in STOP_WORDS


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class Match:
    """SQL pieces of a full-text match. `source` is a FROM clause that names the entry
    table `e` (with `source_params`); `where` filters it; `rank` orders by relevance."""

    source: str
    source_params: list[Any]
    where: str
    where_params: list[Any]
    rank: str
    rank_params: list[Any]


@dataclass(frozen=True)
class FacetFilter:
    """One field's filter: `sql` (with `params`) is true for an entry `e` that has one of
    the chosen values."""

    field: str
    sql: str
    params: list[Any]


def _at_most_one_fails(selected: list[FacetFilter]) -> tuple[str, list[Any]]:
    """SQL true for rows passing all the filters of `selected` but at most one: the only
    rows a facet count can use. With one filter or none, every row."""
    if len(selected) < 2:
        return "1 = 1", []
    clauses, params = [], []
    for skipped in selected:
        others = [f for f in selected if f is not skipped]
        clauses.append(" AND ".join(f"({f.sql})" for f in others))
        params.extend(p for f in others for p in f.params)
    return "(" + " OR ".join(f"({clause})" for clause in clauses) + ")", params


@dataclass(frozen=True)
class Counted:
    """What the counting pass found: the total (a lower bound when `lower_bound`), the
    (facet, count) rows, and the ids of the newest results counted (`newest_candidates`
    of them at most, for backends that rank a bounded candidate set)."""

    total: int
    facet_rows: list[tuple[str, int]]
    lower_bound: bool
    newest: list[int]


class DatabaseBackend(SearchBackend):
    #: Suggestions are looked for when a search finds fewer results than this.
    suggest_below = 1
    #: How many of the newest results the counting pass returns (see `Counted`).
    newest_candidates = 0
    #: The column of `search_entry` holding the entry's facets ("field:value" strings)
    #: that `facet_filter` tests and `facet_counts_sql` reads (as `facets`).
    facets_column = "facets"

    # Writing -------------------------------------------------------------------------

    def entry(self, document: SearchDocument) -> IndexEntry:
        return IndexEntry(
            key=document.key,
            type=document.type,
            title=clean(document.title)[:500],
            title_key=name_key(document.title)[:500],
            url=document.url[:500],
            summary=clean(document.summary),
            text=clean(document.text),
            keywords=clean(document.keyword_text()),
            date=document.date,
            audience=document.audience,
            facets=[f"{field}:{value}" for field, value, _label in document.facets()],
        )

    def index(self, documents: Iterable[SearchDocument]) -> int:
        count = 0
        for chunk in chunks(documents, CHUNK):
            with transaction.atomic():
                keys = [document.key for document in chunk]
                old = {entry.key: entry for entry in IndexEntry.objects.filter(key__in=keys)}
                removed: Counter[str] = Counter()
                added: Counter[str] = Counter()
                for entry in old.values():
                    if entry.audience == PUBLIC:
                        removed.update(vocabulary(entry))
                for document in chunk:
                    if document.audience == PUBLIC:
                        added.update(vocabulary(document))
                self._delete_rows([entry.pk for entry in old.values()])
                IndexEntry.objects.filter(key__in=keys).delete()
                entries = IndexEntry.objects.bulk_create([self.entry(d) for d in chunk])
                if connection.vendor != "postgresql":
                    # SQLite returns no ids from bulk_create before Django 5.x on all paths.
                    ids = dict(IndexEntry.objects.filter(key__in=keys).values_list("key", "pk"))
                    for entry in entries:
                        entry.pk = ids[entry.key]
                self._write_rows(entries)
                self._save_labels(chunk)
                self._adjust_terms(added - removed, removed - added)
            count += len(chunk)
        return count

    def remove(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        with transaction.atomic():
            entries = list(IndexEntry.objects.filter(key__in=keys))
            removed: Counter[str] = Counter()
            for entry in entries:
                if entry.audience == PUBLIC:
                    removed.update(vocabulary(entry))
            self._delete_rows([entry.pk for entry in entries])
            IndexEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
            self._adjust_terms(Counter(), removed)

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Replace the index in one transaction (searches see the old one until it ends).

        Each chunk's Python analysis (`_analysed`) runs in a thread while the previous
        chunk is written: the database (the server, or SQLite's C code) works without the
        GIL, so the two overlap. Documents are still read here (sources query the
        database, on this thread's connection)."""
        count = 0
        terms: Counter[str] = Counter()

        def write(chunk: list[SearchDocument], analysed: Future[Analysed]) -> None:
            nonlocal count
            entries, chunk_terms = analysed.result()
            self._insert_entries(entries)
            self._write_rows(entries)
            self._save_labels(chunk)
            terms.update(chunk_terms)
            count += len(chunk)
            if progress:
                progress(count)

        with transaction.atomic(), ThreadPoolExecutor(max_workers=1) as analyst:
            self._clear()
            IndexEntry.objects.all().delete()
            Term.objects.all().delete()
            pending = None
            for chunk in chunks(documents, CHUNK):
                analysed = analyst.submit(self._analysed, chunk)
                if pending:
                    write(*pending)
                pending = (chunk, analysed)
            if pending:
                write(*pending)
            Term.objects.bulk_create(
                (Term(word=word, documents=n) for word, n in terms.items()), batch_size=5000
            )
        return count

    def _analysed(self, chunk: list[SearchDocument]) -> Analysed:
        """The entries of a chunk and the words its public documents add to the
        suggestions: pure Python, no database (runs in the rebuild's thread)."""
        terms: Counter[str] = Counter()
        for document in chunk:
            if document.audience == PUBLIC:
                terms.update(vocabulary(document))
        return [self.entry(document) for document in chunk], terms

    def _insert_entries(self, entries: list[IndexEntry]) -> None:
        """Insert new entries, giving them their ids (`_write_rows` needs them here;
        a backend without full-text rows of its own may skip that)."""
        IndexEntry.objects.bulk_create(entries)
        if entries and entries[0].pk is None:
            ids = dict(
                IndexEntry.objects.filter(key__in=[e.key for e in entries]).values_list("key", "pk")
            )
            for entry in entries:
                entry.pk = ids[entry.key]

    def _save_labels(self, documents: list[SearchDocument]) -> None:
        labels = {
            f"{field}:{value}": label
            for document in documents
            for field, value, label in document.facets()
            if label != value
        }
        if not labels:
            return
        existing = dict(FacetLabel.objects.filter(facet__in=labels).values_list("facet", "label"))
        FacetLabel.objects.bulk_create(
            [FacetLabel(facet=f, label=label) for f, label in labels.items() if f not in existing]
        )
        for facet, label in labels.items():
            if facet in existing and existing[facet] != label:
                FacetLabel.objects.filter(facet=facet).update(label=label)

    def _adjust_terms(self, added: Counter[str], removed: Counter[str]) -> None:
        if removed:
            Term.objects.filter(word__in=list(removed)).update(documents=F("documents") - 1)
            Term.objects.filter(documents__lte=0).delete()
        if added:
            existing = set(Term.objects.filter(word__in=list(added)).values_list("word", flat=True))
            Term.objects.filter(word__in=existing).update(documents=F("documents") + 1)
            Term.objects.bulk_create(
                [Term(word=word, documents=1) for word in added if word not in existing],
                ignore_conflicts=True,
            )

    # Backend-specific hooks ------------------------------------------------------------

    def _write_rows(self, entries: list[IndexEntry]) -> None:
        """Fill the full-text structures of freshly written entries."""

    def _delete_rows(self, ids: list[int]) -> None:
        """Remove the full-text rows of entries about to be deleted."""

    def _clear(self) -> None:
        """Empty the full-text structures."""

    def match(self, query: ParsedQuery) -> "Match | None":
        """How to find the query's matches, or None if nothing can match."""
        raise NotImplementedError

    def facet_filter(self, values: list[str]) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def facet_counts_sql(self, relation: str) -> str:
        """SQL returning (facet, count) rows over the `facets` column of `relation`."""
        raise NotImplementedError

    def field_counts_sql(self, relation: str, field: str) -> str:
        """Like `facet_counts_sql`, for the values of `field` (rows of other fields are
        ignored, so by default they are all counted)."""
        return self.facet_counts_sql(relation)

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, str]:
        entries = IndexEntry.objects.filter(pk__in=ids).values_list("pk", "summary", "text")
        return {pk: highlight(f"{summary} {text}", query) for pk, summary, text in entries}

    def close_words(self, word: str) -> list[str]:
        raise NotImplementedError

    # Reading -----------------------------------------------------------------------------

    def _selected(self, request: SearchRequest) -> list[FacetFilter]:
        """The request's facet filters, one per field, in a stable order."""
        selected = []
        for field, values in sorted(request.filters.items()):
            if field in FACETS and values:
                sql, params = self.facet_filter([f"{field}:{value}" for value in values])
                selected.append(FacetFilter(field, sql, params))
        return selected

    def _visible(self, request: SearchRequest, match: Match) -> tuple[str, list[Any]]:
        """The query's matches the request's audiences may see, before any facet filter."""
        audiences = ", ".join(["%s"] * len(request.audiences))
        return (
            f"({match.where}) AND (e.audience IN ({audiences}))",
            [*match.where_params, *sorted(request.audiences)],
        )

    def _where(self, request: SearchRequest, match: Match) -> tuple[str, list[Any]]:
        """The results: visible matches that pass every facet filter."""
        sql, params = self._visible(request, match)
        for selected in self._selected(request):
            sql += f" AND ({selected.sql})"
            params = [*params, *selected.params]
        return sql, params

    def search(self, request: SearchRequest) -> SearchResults:
        query = request.query
        match = self.match(query) if not query.is_empty else None
        if match is None:
            return SearchResults([], 0, {}, self.suggest(query))
        where_sql, where_params = self._where(request, match)
        params = [*match.source_params, *where_params]
        from_where = f"FROM {match.source} WHERE {where_sql}"
        visible_sql, visible_params = self._visible(request, match)
        with transaction.atomic(), connection.cursor() as cursor:
            self._prepare(cursor)
            counted = self._count_and_facets(
                cursor,
                match,
                visible_sql,
                [*match.source_params, *visible_params],
                self._selected(request),
            )
            hits = (
                self._hits(cursor, request, match, from_where, params, counted.newest)
                if counted.total
                else []
            )
            # Facets stay useful without results: the other values of a selected field.
            facets = self._facets(counted.facet_rows, request) if counted.facet_rows else {}
        suggestion = self.suggest(query) if counted.total < self.suggest_below else None
        return SearchResults(
            hits, counted.total, facets, suggestion, total_is_lower_bound=counted.lower_bound
        )

    def _prepare(self, cursor: Any) -> None:
        """Session settings for the queries of one search (inside its transaction)."""

    def _count_and_facets(
        self,
        cursor: Any,
        match: Match,
        visible_sql: str,
        params: list[Any],
        selected: list[FacetFilter],
    ) -> Counted:
        """The total, facet counts and newest results of the search, in one pass.

        Facets follow the rule of faceted search (and of the Elasticsearch backend): the
        values of a field are counted with the OTHER fields' filters only, so choosing one
        region keeps the other regions' counts. The pass reads the visible matches (rows
        `visible_sql` selects, with `params`) that fail at most one filter of `selected`,
        noting which one: rows failing none are the results and count for every field;
        rows failing field i's filter count for field i only.

        Counting stops at COUNT_LIMIT results (and COUNT_LIMIT rows failing each filter):
        beyond, the total is a lower bound and facets count the rows counted.
        """
        failed = " ".join(f"WHEN NOT ({f.sql}) THEN {i}" for i, f in enumerate(selected, start=1))
        failed_sql = f"CASE {failed} ELSE 0 END" if selected else "0"
        near_sql, near_params = _at_most_one_fails(selected)
        parts = ["counted", *(f"failing_{i}" for i in range(1, len(selected) + 1))]
        # The newest results, picked among the rows read anyway (ranking candidates).
        newest_sql = (
            " UNION ALL SELECT -2, NULL, n.id FROM (SELECT id FROM m WHERE failed = 0 "
            f"ORDER BY date DESC NULLS LAST, id DESC LIMIT {int(self.newest_candidates)}) n"
            if self.newest_candidates
            else ""
        )
        cursor.execute(
            "WITH m AS MATERIALIZED (SELECT e.id, e.date, "
            f"e.{self.facets_column} AS facets, {failed_sql} AS failed "
            f"FROM {match.source} WHERE {visible_sql} AND {near_sql} LIMIT %s), "
            + ", ".join(
                f"{part} AS (SELECT facets FROM m WHERE failed = {i} LIMIT %s)"
                for i, part in enumerate(parts)
            )
            + " SELECT -1, NULL, count(*) FROM m"
            " UNION ALL SELECT 0, NULL, count(*) FROM m WHERE failed = 0"
            + "".join(
                f" UNION ALL SELECT {i}, x.* FROM ({sql}) x"
                for i, sql in enumerate(
                    [
                        self.facet_counts_sql(parts[0]),
                        *(
                            self.field_counts_sql(p, f.field)
                            for p, f in zip(parts[1:], selected, strict=True)
                        ),
                    ]
                )
            )
            + newest_sql,
            [
                *(p for f in selected for p in f.params),
                *params,
                *near_params,
                len(parts) * COUNT_LIMIT + 1,
                *[COUNT_LIMIT] * len(parts),
            ],
        )
        rows = cursor.fetchall()
        read = next(count for part, facet, count in rows if part == -1)
        results = next(count for part, facet, count in rows if part == 0 and facet is None)
        counts: Counter[str] = Counter()
        for part, facet, count in rows:
            if facet is not None and (
                part == 0 or facet.startswith(f"{selected[part - 1].field}:")
            ):
                counts[facet] += count
        return Counted(
            total=min(results, COUNT_LIMIT),
            facet_rows=list(counts.items()),
            lower_bound=results > COUNT_LIMIT or read > len(parts) * COUNT_LIMIT,
            newest=[count for part, _facet, count in rows if part == -2],
        )

    def _hits(
        self,
        cursor: Any,
        request: SearchRequest,
        match: Match,
        from_where: str,
        params: list[Any],
        newest: list[int],
    ) -> list[Hit]:
        """The requested page of results (`newest`: see `Counted`)."""
        if request.sort == "date":
            columns, order, select_params = "", "e.date DESC NULLS LAST, e.id DESC", []
        else:
            columns = (
                f", CASE WHEN e.title_key = %s THEN 1 ELSE 0 END AS exact, {match.rank} AS rank"
            )
            order = "exact DESC, rank DESC, e.id"
            select_params = [request.query.name_key, *match.rank_params]
        cursor.execute(
            f"SELECT e.id, e.key, e.type, e.title, e.url, e.date{columns} {from_where} "
            f"ORDER BY {order} LIMIT %s OFFSET %s",
            [*select_params, *params, request.limit, request.offset],
        )
        rows = cursor.fetchall()
        snippets = self.snippets(request.query, [row[0] for row in rows])
        return [
            Hit(
                key=row[1],
                type=row[2],
                title=row[3],
                url=row[4],
                date=row[5],
                snippet=snippets.get(row[0], ""),
            )
            for row in rows
        ]

    def _facets(
        self, rows: list[tuple[str, int]], request: SearchRequest
    ) -> dict[str, list[FacetValue]]:
        counts: dict[str, list[tuple[str, int]]] = {field: [] for field in FACETS}
        for facet, count in rows:
            field, _sep, value = facet.partition(":")
            if field in counts:
                counts[field].append((value, count))
        shown: dict[str, list[tuple[str, int]]] = {}
        for field, values in counts.items():
            selected = set(request.filters.get(field, []))
            if field == "year":
                values.sort(key=lambda item: item[0], reverse=True)
            else:
                values.sort(key=lambda item: (-item[1], item[0]))
            shown[field] = values[:FACET_VALUES_SHOWN] + [
                v for v in values[FACET_VALUES_SHOWN:] if v[0] in selected
            ]
        # Labels of the values shown only (hundreds are counted).
        wanted = [f"{field}:{value}" for field, values in shown.items() for value, _ in values]
        labels = dict(FacetLabel.objects.filter(facet__in=wanted).values_list("facet", "label"))
        type_labels = registry.type_labels()
        return {
            field: [
                FacetValue(
                    value,
                    type_labels.get(value, value)
                    if field == "type"
                    else labels.get(f"{field}:{value}", value),
                    count,
                )
                for value, count in values
            ]
            for field, values in shown.items()
            if values
        }

    def suggest(self, query: ParsedQuery) -> str | None:
        """« Vouliez-vous dire » : the query with unknown words replaced by close known ones."""
        query_words = query.words()
        if not query_words:
            return None
        known = set(Term.objects.filter(word__in=query_words).values_list("word", flat=True))
        replaced = False
        corrected = []
        for group in query.groups:
            text = group[0].text
            if len(text) > 2 and " " not in text and text not in known:
                candidates = self.close_words(text)
                if candidates:
                    corrected.append(candidates[0])
                    replaced = True
                    continue
            corrected.append(text)
        return " ".join(corrected) if replaced else None

    def autocomplete(
        self, query: ParsedQuery, audiences: frozenset[str], limit: int = 8
    ) -> list[Hit]:
        typed = query.name_key.split()[:6]
        if not typed or len(query.name_key) < 2:
            return []
        clauses = ["(' ' || e.title_key) LIKE %s" for _word in typed]
        params: list[Any] = [f"% {word}%" for word in typed]
        audience_sql = ", ".join(["%s"] * len(audiences))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.key, e.type, e.title, e.url, e.date FROM search_entry e "
                f"WHERE {' AND '.join(clauses)} AND e.audience IN ({audience_sql}) "
                "ORDER BY CASE WHEN e.title_key LIKE %s THEN 0 ELSE 1 END, "
                "length(e.title_key), e.id LIMIT %s",
                [*params, *sorted(audiences), f"{query.name_key}%", limit],
            )
            rows = cursor.fetchall()
        return [Hit(row[0], row[1], row[2], row[3], row[4], "") for row in rows]
