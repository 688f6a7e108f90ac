"""SQLite: FTS5 over stems computed in Python (Snowball French, accents folded).

Every step of a search over tens of thousands of matches must stay inside FTS5, whose
doclists are merged in C: a join to `search_entry` costs about 1 µs per match and bm25
about 0.6 µs. So the FTS row also carries, in a `filters` column that is never scored
nor searched by the query's words, one token per facet value and one for the audience:
facet filters and the audience become MATCH constraints that FTS5 intersects itself, and
ranking reads no entry row at all.
"""

import difflib
import gc
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from django.db import connection, transaction

from ..analysis import STOP_WORDS, stem, stems
from ..documents import SearchDocument
from ..models import IndexEntry
from ..query import Alternative, ParsedQuery
from . import database
from .base import Hit, Progress, SearchRequest
from .database import Counted, DatabaseBackend, FacetFilter, Match

FTS_TABLE = "search_fts"
# (id, audience, date, facets) of every entry: migration 0004.
LOOKUP_INDEX = "search_entry_match_lookup"
# bm25 weights of the FTS columns: title, keywords (summary, axes, tags, place), body,
# filters (weight 0: filter tokens never change a score).
WEIGHTS = "10.0, 4.0, 1.0, 0.0"
RANK = f"bm25({FTS_TABLE}, {WEIGHTS})"  # lower is better
# Matches ranked by bm25 over all of them up to this number; beyond, over candidates.
RANK_ALL = 2000
# The query's words are looked for in these columns only, never among the filter tokens.
TEXT_COLUMNS = "{title keywords body}"


def _quoted(word: str) -> str:
    return f'"{word}"'  # stems and filter tokens are [a-z0-9]+: nothing to escape


def _alternative(alternative: Alternative) -> str | None:
    alternative_stems = [stem(w) for w in alternative.text.split() if w not in STOP_WORDS]
    if not alternative_stems:
        return None
    if alternative.phrase:
        return _quoted(" ".join(alternative_stems))
    return "(" + " AND ".join(_quoted(s) for s in alternative_stems) + ")"


def fts_query(query: ParsedQuery, columns: str = TEXT_COLUMNS) -> str | None:
    groups = []
    for group in query.groups:
        alternatives = [a for a in map(_alternative, group) if a]
        if alternatives:
            groups.append("(" + " OR ".join(alternatives) + ")")
    if not groups:
        return None
    expression = " AND ".join(groups)
    excluded = [stem(word) for word in query.excluded]
    for word in excluded:
        expression = f"({expression}) NOT {_quoted(word)}"
    return f"{columns} : ({expression})"


# Filter tokens: the value's UTF-8 bytes in hexadecimal (one unicode61 token, exact, no
# collision), after a letter that says what it is.
def facet_token(facet: str) -> str:
    return "f" + facet.encode().hex()


def audience_token(audience: str) -> str:
    return "a" + audience.encode().hex()


def any_filter(tokens: Iterable[str]) -> str:
    """The FTS5 expression matching rows that carry one of these filter tokens."""
    return "filters : (" + " OR ".join(_quoted(token) for token in tokens) + ")"


def fts_rows(entries: Iterable[IndexEntry]) -> Iterator[tuple[int, str, str, str, str]]:
    """(rowid, title, keywords, body, filters) of the FTS rows of these entries."""
    for entry in entries:
        yield (
            entry.pk,
            " ".join(stems(entry.title)),
            " ".join(stems(f"{entry.summary} {entry.keywords}")),
            " ".join(stems(entry.text)),
            " ".join([audience_token(entry.audience), *map(facet_token, entry.facets)]),
        )


def insert_fts_rows(cursor: Any, entries: Iterable[IndexEntry]) -> None:
    cursor.executemany(
        f"INSERT INTO {FTS_TABLE}(rowid, title, keywords, body, filters) "
        "VALUES (%s, %s, %s, %s, %s)",
        list(fts_rows(entries)),
    )


FACET_COUNTER = "search_facet_counts"


class FacetCounter:
    """SQLite aggregate: the counts of the facets of JSON arrays, as a JSON object.

    With `json_each(...) GROUP BY value`, SQLite sorts one row per facet of every match
    (85,000 for the bench's 10,000 matches counted: 36 ms of CPU); one `json.loads` of
    them all and a Counter: 21 ms."""

    def __init__(self) -> None:
        self.arrays: list[str] = []

    def step(self, facets: str | None) -> None:
        if facets:
            self.arrays.append(facets)

    def finalize(self) -> str:
        # The 10,000 lists parsed here are freed as soon as they are counted, but their
        # allocation would trigger collections of the whole heap (gen 2: ~90 ms, every
        # seventh search or so, the bench's p95): the collector waits meanwhile.
        collecting = gc.isenabled()
        gc.disable()
        try:
            facets = json.loads("[" + ",".join(self.arrays) + "]")
            return json.dumps(Counter(chain.from_iterable(facets)))
        finally:
            if collecting:
                gc.enable()


def _register_facet_counter() -> None:
    """Declare the aggregate on this thread's connection (once per connection)."""
    connection.ensure_connection()
    raw = connection.connection
    if getattr(connection, "_search_facet_counter_on", None) is not raw:
        raw.create_aggregate(FACET_COUNTER, 1, FacetCounter)
        connection._search_facet_counter_on = raw  # type: ignore[attr-defined]


class SQLiteBackend(DatabaseBackend):
    name = "sqlite"

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        with transaction.atomic():
            count = super().rebuild(documents, progress)
            # One segment per column instead of the dozens a bulk load leaves: every
            # search then reads each word's document list once (2 s here; common-word
            # searches on 100,000 documents 2.4 times faster).
            with connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        return count

    def _write_rows(self, entries: list[IndexEntry]) -> None:
        with connection.cursor() as cursor:
            insert_fts_rows(cursor, entries)

    def _delete_rows(self, ids: list[int]) -> None:
        if ids:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})",
                    ids,
                )

    def _clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def match(self, query: ParsedQuery) -> Match | None:
        expression = fts_query(query)
        if expression is None:
            return None
        # The full-text matches drive the query (CROSS JOIN keeps that order): left to
        # itself, SQLite may walk the audience index and test MATCH row by row. The join
        # is flat so that facet filters (more MATCH constraints, see facet_filter) reach
        # FTS5, which intersects them with the words. Each match's audience, date and
        # facets come from a narrow index, not from its row with the texts (10,000
        # matches counted: 4 ms instead of 16).
        return Match(
            source=f"{FTS_TABLE} CROSS JOIN search_entry e INDEXED BY {LOOKUP_INDEX} "
            f"ON e.id = {FTS_TABLE}.rowid",
            source_params=[],
            where=f"{FTS_TABLE} MATCH %s",
            where_params=[expression],
            rank=f"-{RANK}",
            rank_params=[],
        )

    def facet_filter(self, values: list[str]) -> tuple[str, list[Any]]:
        # FTS5 ANDs every MATCH constraint on its table into one expression.
        return f"{FTS_TABLE} MATCH %s", [any_filter(map(facet_token, values))]

    def facet_counts_sql(self, relation: str) -> str:
        _register_facet_counter()
        return f"SELECT key, value FROM json_each((SELECT {FACET_COUNTER}(facets) FROM {relation}))"

    def _fts_constraints(self, request: SearchRequest, match: Match) -> list[str]:
        """The MATCH expressions of a search: its words, the audiences and each selected
        facet's filter (`_where`'s conditions, each already a MATCH: see `facet_filter`)."""
        audiences = any_filter(map(audience_token, request.audiences))
        filters = [param for selected in self._selected(request) for param in selected.params]
        return [*match.where_params, audiences, *filters]

    def _count_and_facets(
        self,
        cursor: Any,
        match: Match,
        visible_sql: str,
        params: list[Any],
        selected: list[FacetFilter],
    ) -> Counted:
        """The same facet rule as every backend (a field counted with the other fields'
        filters only), in one pass per selected field: FTS5 hears MATCH only as a
        constraint on its table, never as a value, so the base class's single pass (which
        notes per row which filter it fails) cannot be said to it. Each pass lets FTS5
        intersect its filters with the words and reads only its own rows."""
        passes = [(None, selected)]
        passes += [(f.field, [o for o in selected if o is not f]) for f in selected]
        chosen = {f.field for f in selected}
        counts: Counter[str] = Counter()
        total, lower_bound = 0, False
        limit = database.COUNT_LIMIT
        for field, filters in passes:
            where = visible_sql + "".join(f" AND ({f.sql})" for f in filters)
            cursor.execute(
                f"WITH m AS MATERIALIZED (SELECT e.{self.facets_column} AS facets "
                f"FROM {match.source} WHERE {where} LIMIT %s), "
                "counted AS (SELECT facets FROM m LIMIT %s) "
                "SELECT NULL, count(*) FROM m "
                f"UNION ALL SELECT * FROM ({self.facet_counts_sql('counted')})",
                [*params, *(p for f in filters for p in f.params), limit + 1, limit],
            )
            rows = cursor.fetchall()
            read = next(count for facet, count in rows if facet is None)
            lower_bound = lower_bound or read > limit
            if field is None:
                total = min(read, limit)
            for facet, count in rows:
                if facet is None:
                    continue
                facet_field = facet.partition(":")[0]
                if facet_field == field or (field is None and facet_field not in chosen):
                    counts[facet] += count
        return Counted(total, list(counts.items()), lower_bound, newest=[])

    def _hits(
        self,
        cursor: Any,
        request: SearchRequest,
        match: Match,
        from_where: str,
        params: list[Any],
        newest: list[int],
    ) -> list[Hit]:
        """Only the entry rows shown are read. By date, in the lookup index's order; by
        relevance, from FTS5 alone: exact titles first, then the best by bm25 (`_ranked`)."""
        if request.sort == "date":
            # The order comes from the lookup index alone; rows are read for the page.
            cursor.execute(
                f"SELECT e.id {from_where} ORDER BY e.date DESC NULLS LAST, e.id DESC "
                "LIMIT %s OFFSET %s",
                [*params, request.limit, request.offset],
            )
            return self._page(cursor, request, [row[0] for row in cursor.fetchall()])
        constraints = self._fts_constraints(request, match)
        matching = " AND ".join([f"{FTS_TABLE} MATCH %s"] * len(constraints))
        cursor.execute(
            f"SELECT e.id FROM search_entry e CROSS JOIN {FTS_TABLE} "
            f"ON {FTS_TABLE}.rowid = e.id WHERE e.title_key = %s AND {matching} "
            f"ORDER BY {RANK}, e.id",
            [request.query.name_key, *constraints],
        )
        exact = [row[0] for row in cursor.fetchall()]
        wanted = request.offset + request.limit
        ranked = self._ranked(cursor, request, constraints, wanted)
        chosen = list(dict.fromkeys([*exact, *ranked]))[request.offset : wanted]
        return self._page(cursor, request, chosen)

    def _page(self, cursor: Any, request: SearchRequest, chosen: list[int]) -> list[Hit]:
        """The hits of these entries, in this order (their audience checked again)."""
        if not chosen:
            return []
        audiences = sorted(request.audiences)
        cursor.execute(
            "SELECT e.id, e.key, e.type, e.title, e.url, e.date FROM search_entry e "
            f"WHERE e.id IN ({', '.join(['%s'] * len(chosen))}) "
            f"AND e.audience IN ({', '.join(['%s'] * len(audiences))})",
            [*chosen, *audiences],
        )
        rows = {row[0]: row for row in cursor.fetchall()}
        snippets = self.snippets(request.query, list(rows))
        return [
            Hit(row[1], row[2], row[3], row[4], row[5], snippets.get(row[0], ""))
            for row in (rows[pk] for pk in chosen if pk in rows)
        ]

    def _ranked(
        self, cursor: Any, request: SearchRequest, constraints: list[str], wanted: int
    ) -> list[int]:
        """The `wanted` best matches. Up to RANK_ALL matches, by bm25 over all of them.
        Beyond, bm25 over all of them would cost about 0.6 µs per match (40 ms for a word
        in half of 100,000 documents), so, like the PostgreSQL backend, bounded candidates
        in an order FTS5 gives for free, the most recently indexed (highest rowid) first:
        the last RANK_ALL matches with the words in the title, then the last RANK_ALL
        matches, each by bm25."""
        matching = " AND ".join([f"{FTS_TABLE} MATCH %s"] * len(constraints))
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {matching} LIMIT %s)",
            [*constraints, RANK_ALL + 1],
        )
        if cursor.fetchone()[0] <= RANK_ALL or wanted > RANK_ALL:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {matching} ORDER BY {RANK}, rowid LIMIT %s",
                [*constraints, wanted],
            )
            return [row[0] for row in cursor.fetchall()]
        ranked: list[int] = []
        # The title tier adds a constraint (the words in the title) to the search's own,
        # so that exclusions and filters still hold.
        for tier in ([fts_query(request.query, "{title}")], []):
            tier_matching = " AND ".join([f"{FTS_TABLE} MATCH %s"] * (len(tier) + len(constraints)))
            cursor.execute(
                f"SELECT id FROM (SELECT rowid AS id, {RANK} AS score FROM {FTS_TABLE} "
                f"WHERE {tier_matching} ORDER BY rowid DESC LIMIT %s) ORDER BY score, id LIMIT %s",
                [*tier, *constraints, RANK_ALL, wanted],
            )
            ranked += [row[0] for row in cursor.fetchall()]
        return list(dict.fromkeys(ranked))

    def close_words(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, documents FROM search_term WHERE substr(word, 1, 1) = %s "
                "AND length(word) BETWEEN %s AND %s",
                [word[0], len(word) - 2, len(word) + 2],
            )
            counts = dict(cursor.fetchall())
        close = difflib.get_close_matches(word, list(counts), n=5, cutoff=0.75)
        return sorted(close, key=lambda candidate: -counts[candidate])
