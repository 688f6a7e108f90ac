"""PostgreSQL: French full-text search over unaccent (`french_unaccent`), weighted
tsvectors with a GIN index, websearch_to_tsquery, ts_rank, ts_headline and pg_trgm."""

from typing import Any

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import IndexEntry
from ..query import Alternative, ParsedQuery
from ..snippets import highlight
from .database import DatabaseBackend, Match

CONFIG = "french_unaccent"
# ts_headline markers, stripped from indexed text so they cannot be forged by content.
START, STOP = "\u27e6", "\u27e7"
VECTOR_SQL = f"""
    setweight(to_tsvector('{CONFIG}', e.title), 'A')
    || setweight(to_tsvector('{CONFIG}', e.keywords || ' ' || e.summary), 'B')
    || setweight(to_tsvector('{CONFIG}', e.text), 'C')
"""
RANK_VECTOR_SQL = f"""
    setweight(to_tsvector('{CONFIG}', e.title), 'A')
    || setweight(to_tsvector('{CONFIG}', left(e.keywords || ' ' || e.summary, 600)), 'B')
"""
# Ranking only the matches with the best cheap score keeps common terms fast: the title
# and summary vector is small (stored inline), the full vector is only ranked for these.
CANDIDATES = 400


def _websearch_text(alternative: Alternative) -> str:
    words = [word for word in alternative.text.split() if word != "or"]
    text = " ".join(words)
    return f'"{text}"' if alternative.phrase else text


class PostgresBackend(DatabaseBackend):
    name = "postgresql"

    def _write_rows(self, entries: list[IndexEntry]) -> None:
        ids = [entry.pk for entry in entries]
        if not ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_entry e SET vector = {VECTOR_SQL}, "
                f"rank_vector = {RANK_VECTOR_SQL} WHERE e.id = ANY(%s)",
                [ids],
            )

    def tsquery(self, query: ParsedQuery, prefix: bool = False) -> str | None:
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
            rank="ts_rank(e.vector, %s::tsquery)",
            rank_params=[tsquery],
        )

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
