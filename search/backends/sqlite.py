"""SQLite: FTS5 over stems computed in Python (Snowball French, accents folded)."""

import difflib
from typing import Any

from django.db import connection

from ..analysis import STOP_WORDS, stem, stems
from ..models import IndexEntry
from ..query import Alternative, ParsedQuery
from .database import DatabaseBackend, Match

FTS_TABLE = "search_fts"
# bm25 weights of the FTS columns: title, keywords (summary, axes, tags, place), body.
WEIGHTS = "10.0, 4.0, 1.0"


def _quoted(word: str) -> str:
    return f'"{word}"'  # stems are [a-z0-9]+: nothing to escape


def _alternative(alternative: Alternative) -> str | None:
    alternative_stems = [stem(w) for w in alternative.text.split() if w not in STOP_WORDS]
    if not alternative_stems:
        return None
    if alternative.phrase:
        return _quoted(" ".join(alternative_stems))
    return "(" + " AND ".join(_quoted(s) for s in alternative_stems) + ")"


def fts_query(query: ParsedQuery) -> str | None:
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
    return expression


class SQLiteBackend(DatabaseBackend):
    name = "sqlite"

    def _write_rows(self, entries: list[IndexEntry]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, keywords, body) VALUES (%s, %s, %s, %s)",
                [
                    (
                        entry.pk,
                        " ".join(stems(entry.title)),
                        " ".join(stems(f"{entry.summary} {entry.keywords}")),
                        " ".join(stems(entry.text)),
                    )
                    for entry in entries
                ],
            )

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
        # itself, SQLite may walk the audience index and test MATCH row by row.
        return Match(
            source=f"(SELECT rowid AS fts_id, bm25({FTS_TABLE}, {WEIGHTS}) AS fts_rank "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) m "
            "CROSS JOIN search_entry e ON e.id = m.fts_id",
            source_params=[expression],
            where="1 = 1",
            where_params=[],
            rank="-m.fts_rank",
            rank_params=[],
        )

    def facet_filter(self, values: list[str]) -> tuple[str, list[Any]]:
        placeholders = ", ".join(["%s"] * len(values))
        return (
            f"EXISTS (SELECT 1 FROM json_each(e.facets) WHERE json_each.value IN ({placeholders}))",
            values,
        )

    def facet_counts_sql(self, relation: str) -> str:
        return (
            f"SELECT j.value, count(*) FROM {relation}, json_each({relation}.facets) j "
            "GROUP BY j.value"
        )

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
