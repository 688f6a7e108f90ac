"""PostgreSQL: French full-text search over unaccent (`french_unaccent`), weighted
tsvectors with a GIN index, websearch_to_tsquery, ts_rank, ts_headline and pg_trgm."""

import json
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..documents import SearchDocument
from ..models import IndexEntry
from ..query import Alternative, ParsedQuery
from ..snippets import highlight
from .base import Hit, Progress, SearchRequest
from .database import DatabaseBackend, Match

CONFIG = "french_unaccent"
# The entry's columns a rebuild writes (the id and the generated vectors come by themselves).
COPIED_FIELDS = [field for field in IndexEntry._meta.concrete_fields if not field.primary_key]
# ts_headline markers, stripped from indexed text so they cannot be forged by content.
START, STOP = "\u27e6", "\u27e7"
# Ranking reads full vectors (TOASTed, costly for tens of thousands of rows) of at most
# about 2 × CANDIDATES documents: exact title matches, the newest CANDIDATES matches in the
# title or summary (among the first TITLE_MATCHES_READ of them found: a word of many
# titles would otherwise have all its rows read and sorted), and the newest CANDIDATES
# results among those the counting pass read (all of them below COUNT_LIMIT; no vector is
# read to find them). Below CANDIDATES results, every result is ranked.
CANDIDATES = 200
TITLE_MATCHES_READ = 2 * CANDIDATES
# ts_headline parses all the text it is given: it gets the start of long texts only (when
# the words are further, the Python highlighter finds them in the whole text).
HEADLINE_TEXT = 5000
# ts_headline options: the markers, and fragments of a readable length.
HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# Dropped before a full rebuild and built once after the bulk load.
GIN_INDEXES = (
    ("search_entry_vector_gin", "vector"),
    ("search_entry_rank_vector_gin", "rank_vector"),
    ("search_entry_facet_array_gin", "facet_array"),
)


def _websearch_text(alternative: Alternative) -> str:
    words = [word for word in alternative.text.split() if word != "or"]
    text = " ".join(words)
    return f'"{text}"' if alternative.phrase else text


class PostgresBackend(DatabaseBackend):
    name = "postgresql"
    facets_column = "facet_array"

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Bulk load without the GIN indexes, then build them once (much faster than
        maintaining them row by row)."""
        with transaction.atomic(), connection.cursor() as cursor:
            for name, _column in GIN_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            count = super().rebuild(documents, progress)
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for name, column in GIN_INDEXES:
                cursor.execute(f"CREATE INDEX {name} ON search_entry USING gin ({column})")
            cursor.execute("ANALYZE search_entry")
        return count

    def _insert_entries(self, entries: list[IndexEntry]) -> None:
        """COPY rather than the ORM's INSERT: psycopg quoted the ORM's arrays of texts in
        Python (about 10 s of client CPU for 100,000 documents). No ids are needed:
        PostgreSQL keeps no full-text rows besides the entry."""
        columns = [field.column for field in COPIED_FIELDS]
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY search_entry ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for entry in entries:
                copy.write_row(
                    [
                        json.dumps(entry.facets)
                        if field.name == "facets"
                        else getattr(entry, field.attname)
                        for field in COPIED_FIELDS
                    ]
                )

    def _clear(self) -> None:
        # TRUNCATE, not DELETE: a deleted row stays in the table (and in the indexes built
        # in the same transaction) until VACUUM, doubling what every search reads.
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE search_entry")

    def tsquery(self, query: ParsedQuery) -> str | None:
        """The tsquery (as text) for the parsed query, built by the server."""
        parts: list[str] = []
        params: list[Any] = []
        for group in query.groups:
            alternatives = []
            for alternative in group:
                alternatives.append(f"websearch_to_tsquery('{CONFIG}', %s)")
                params.append(_websearch_text(alternative))
            parts.append("(" + " || ".join(alternatives) + ")")
        if not parts:
            return None
        expression = " && ".join(parts)
        for word in query.excluded:
            expression = f"({expression}) && !! websearch_to_tsquery('{CONFIG}', %s)"
            params.append(word)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT ({expression})::text", params)
            text = cursor.fetchone()[0]
        return text or None

    def match(self, query: ParsedQuery) -> Match | None:
        cache = getattr(query, "_pg_tsquery", False)
        tsquery = cache if cache is not False else self.tsquery(query)
        query._pg_tsquery = tsquery  # type: ignore[attr-defined]
        if tsquery is None:
            return None
        return Match(
            source="search_entry e",
            source_params=[],
            where="e.vector @@ %s::tsquery",
            where_params=[tsquery],
            rank="ts_rank(e.rank_vector, %s::tsquery)",
            rank_params=[tsquery],
        )

    @property
    def newest_candidates(self) -> int:  # type: ignore[override]
        return CANDIDATES

    def _prepare(self, cursor: Any) -> None:
        # The match set comes from the GIN index (a bitmap, no vector read per row); a
        # sequential scan would read every TOASTed vector. JIT and parallel workers cost
        # more than they save on searches of a few milliseconds. Each statement is planned
        # for its own words and filters: the connection prepares a query from its 5th run
        # (settings `DB_PREPARED_STATEMENTS`), and a generic plan would guess one selectivity
        # for every search. In one round trip (`true`: for this transaction only).
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), "
            "set_config('max_parallel_workers_per_gather', '0', true), "
            "set_config('plan_cache_mode', 'force_custom_plan', true)"
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
        """Ranks the candidates (see CANDIDATES) and highlights the page's hits in the same
        statement: ts_headline runs on the page's rows only."""
        if request.sort == "date" or request.offset + request.limit > CANDIDATES:
            return super()._hits(cursor, request, match, from_where, params, newest)
        tsquery = match.where_params[0]
        name_key = request.query.name_key
        cursor.execute(
            "SELECT p.id, p.key, p.type, p.title, p.url, p.date, "
            f"ts_headline('{CONFIG}', left(p.body, {HEADLINE_TEXT}), %s::tsquery, %s), p.body "
            "FROM ("
            "SELECT c.id, c.key, c.type, c.title, c.url, c.date, c.summary || ' ' || c.text "
            "AS body, c.title_key = %s AS exact, ts_rank(c.vector, %s::tsquery) AS rank, "
            "ts_rank(c.rank_vector, %s::tsquery) AS title_rank FROM ("
            f"(SELECT e.id {from_where} AND e.title_key = %s LIMIT %s) UNION "
            f"(SELECT t.id FROM (SELECT e.id, e.date {from_where} "
            "AND e.rank_vector @@ %s::tsquery LIMIT %s) t "
            "ORDER BY t.date DESC NULLS LAST, t.id DESC LIMIT %s) UNION "
            "(SELECT unnest(%s::integer[]))"
            ") candidates (id) JOIN search_entry c ON c.id = candidates.id "
            "ORDER BY exact DESC, rank DESC, title_rank DESC, c.id LIMIT %s OFFSET %s) p "
            "ORDER BY p.exact DESC, p.rank DESC, p.title_rank DESC, p.id",
            [
                tsquery,
                HEADLINE_OPTIONS,
                name_key,
                tsquery,
                tsquery,
                *params,
                name_key,
                CANDIDATES,
                *params,
                tsquery,
                TITLE_MATCHES_READ,
                CANDIDATES,
                newest,
                request.limit,
                request.offset,
            ],
        )
        return [
            Hit(
                row[1], row[2], row[3], row[4], row[5], self._snippet(row[6], row[7], request.query)
            )
            for row in cursor.fetchall()
        ]

    def facet_filter(self, values: list[str]) -> tuple[str, list[Any]]:
        # `&&` on the text array: exact in its GIN index (migration 0004).
        return "e.facet_array && %s::text[]", [values]

    def facet_counts_sql(self, relation: str) -> str:
        # unnest in the select list (a ProjectSet, one value per call) rather than a
        # function in FROM (a Function Scan per row, each filling a tuplestore).
        return f"SELECT f, count(*) FROM (SELECT unnest(facets) AS f FROM {relation}) v GROUP BY f"

    def field_counts_sql(self, relation: str, field: str) -> str:
        # Only one value in eight or nine is the field's: the others are not aggregated.
        assert field.isidentifier(), field  # a FACETS key, safe to write in the SQL
        return (
            f"SELECT f, count(*) FROM (SELECT unnest(facets) AS f FROM {relation}) v "
            f"WHERE f LIKE '{field}:%%' GROUP BY f"
        )

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, str]:
        tsquery = getattr(query, "_pg_tsquery", None)
        if not ids or not tsquery:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id, ts_headline('{CONFIG}', e.summary || ' ' || e.text, "
                "%s::tsquery, %s), e.summary || ' ' || e.text FROM search_entry e "
                "WHERE e.id = ANY(%s)",
                [tsquery, HEADLINE_OPTIONS, ids],
            )
            rows = cursor.fetchall()
        return {pk: self._snippet(headline, text, query) for pk, headline, text in rows}

    @staticmethod
    def _snippet(headline: str, text: str, query: ParsedQuery) -> SafeString:
        """The headline with its markers made <mark> (the text escaped), or the Python
        highlighter's snippet when ts_headline marked nothing (the words matched in the
        title or keywords only, say)."""
        if START in headline:
            return mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))
        return highlight(text, query)

    def close_words(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_term WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, documents DESC LIMIT 3",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]
