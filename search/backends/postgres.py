"""PostgreSQL: French full-text search over unaccent (`french_unaccent`), weighted
tsvectors with a GIN index, websearch_to_tsquery, ts_rank, ts_headline and pg_trgm."""

from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..documents import SearchDocument
from ..query import Alternative, ParsedQuery
from ..snippets import highlight
from .base import Hit, Progress, SearchRequest
from .database import DatabaseBackend, Match

CONFIG = "french_unaccent"
# ts_headline markers, stripped from indexed text so they cannot be forged by content.
START, STOP = "\u27e6", "\u27e7"
# Ranking: a first pass orders the matches by the small title-and-summary vector and keeps
# the best CANDIDATES; only those are ranked on the full vector (large, TOASTed, costly to
# read for tens of thousands of rows).
CANDIDATES = 200


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
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")
            cursor.execute("DROP INDEX IF EXISTS search_entry_facets_gin")
            count = super().rebuild(documents, progress)
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            cursor.execute(
                "CREATE INDEX search_entry_vector_gin ON search_entry USING gin (vector)"
            )
            cursor.execute(
                "CREATE INDEX search_entry_facets_gin ON search_entry USING gin (facets)"
            )
            cursor.execute("ANALYZE search_entry")
        return count

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

    def _hits(
        self, cursor: Any, request: SearchRequest, match: Match, from_where: str, params: list[Any]
    ) -> list[Hit]:
        if request.sort == "date" or request.offset + request.limit > CANDIDATES:
            return super()._hits(cursor, request, match, from_where, params)
        tsquery = match.where_params[0]
        cursor.execute(
            "SELECT c.id, c.key, c.type, c.title, c.url, c.date FROM ("
            f"SELECT e.id, e.key, e.type, e.title, e.url, e.date, e.vector, "
            "e.title_key = %s AS exact, ts_rank(e.rank_vector, %s::tsquery) AS first_rank "
            f"{from_where} ORDER BY exact DESC, first_rank DESC, e.id LIMIT %s) c "
            "ORDER BY c.exact DESC, ts_rank(c.vector, %s::tsquery) DESC, c.first_rank DESC, c.id "
            "LIMIT %s OFFSET %s",
            [
                request.query.name_key,
                tsquery,
                *params,
                CANDIDATES,
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

    def facet_counts_sql(self, source: str, where: str) -> str:
        return (
            "SELECT f, count(*) FROM (SELECT jsonb_array_elements_text(e.facets) AS f "
            f"FROM {source} WHERE {where}) facets GROUP BY f"
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
