"""PostgreSQL: French full-text search over unaccent (`french_unaccent`), weighted
tsvectors with a GIN index, websearch_to_tsquery, ts_rank, ts_headline and pg_trgm."""

import json
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
# title or summary and the newest CANDIDATES matches anywhere (the date index gives them
# without reading the other matches). Below CANDIDATES matches, every match is ranked.
CANDIDATES = 200
# Dropped before a full rebuild and built once after the bulk load.
GIN_INDEXES = (
    ("search_entry_vector_gin", "vector"),
    ("search_entry_rank_vector_gin", "rank_vector"),
    ("search_entry_facets_gin", "facets"),
)


def _websearch_text(alternative: Alternative) -> str:
    words = [word for word in alternative.text.split() if word != "or"]
    text = " ".join(words)
    return f'"{text}"' if alternative.phrase else text


class PostgresBackend(DatabaseBackend):
    name = "postgresql"

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

    def _prepare(self, cursor: Any) -> None:
        # The match set comes from the GIN index (a bitmap, no vector read per row); a
        # sequential scan would read every TOASTed vector. JIT costs more than it saves.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL jit = off")

    def _hits(
        self, cursor: Any, request: SearchRequest, match: Match, from_where: str, params: list[Any]
    ) -> list[Hit]:
        if request.sort == "date" or request.offset + request.limit > CANDIDATES:
            return super()._hits(cursor, request, match, from_where, params)
        tsquery = match.where_params[0]
        name_key = request.query.name_key
        newest = "ORDER BY e.date DESC NULLS LAST, e.id DESC LIMIT %s"
        cursor.execute(
            "SELECT c.id, c.key, c.type, c.title, c.url, c.date FROM ("
            f"(SELECT e.id {from_where} AND e.title_key = %s LIMIT %s) UNION "
            f"(SELECT e.id {from_where} AND e.rank_vector @@ %s::tsquery {newest}) UNION "
            f"(SELECT e.id {from_where} {newest})"
            ") candidates JOIN search_entry c ON c.id = candidates.id "
            "ORDER BY c.title_key = %s DESC, ts_rank(c.vector, %s::tsquery) DESC, "
            "ts_rank(c.rank_vector, %s::tsquery) DESC, c.id LIMIT %s OFFSET %s",
            [
                *params,
                name_key,
                CANDIDATES,
                *params,
                tsquery,
                CANDIDATES,
                *params,
                CANDIDATES,
                name_key,
                tsquery,
                tsquery,
                request.limit,
                request.offset,
            ],
        )
        rows = cursor.fetchall()
        snippets = self.snippets(request.query, [row[0] for row in rows])
        return [
            Hit(row[1], row[2], row[3], row[4], row[5], snippets.get(row[0], "")) for row in rows
        ]

    def facet_filter(self, values: list[str]) -> tuple[str, list[Any]]:
        return "e.facets ?| %s", [values]

    def facet_counts_sql(self, relation: str) -> str:
        return (
            f"SELECT f, count(*) FROM {relation}, jsonb_array_elements_text({relation}.facets) f "
            "GROUP BY f"
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
                [
                    tsquery,
                    f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, "
                    'MaxFragments=2, FragmentDelimiter=" … "',
                    ids,
                ],
            )
            rows = cursor.fetchall()
        snippets = {}
        for pk, headline, text in rows:
            if START in headline:
                snippets[pk] = mark_safe(
                    escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
                )
            else:
                snippets[pk] = highlight(text, query)
        return snippets

    def close_words(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_term WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, documents DESC LIMIT 3",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]
