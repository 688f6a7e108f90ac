"""SQLite: the FTS5 table gets a `filters` column (one token per facet value and one for
the audience) so that facet filters and audiences are matched by FTS5 itself; the rows
are rebuilt from the index entries. A narrow index covers what a search reads of every
match (`LOOKUP_INDEX`). Nothing changes on PostgreSQL."""

from django.db import migrations

CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, keywords, body{filters}, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
CHUNK = 2000
LOOKUP_INDEX = (
    "CREATE INDEX search_entry_match_lookup ON search_entry (id, audience, date, facets)"
)


def _refill(apps, schema_editor, with_filters: bool) -> None:
    # The row format is the backend's own (stems are computed in Python): a copy here
    # would drift from what the backend writes and searches.
    from search.backends.sqlite import fts_rows

    IndexEntry = apps.get_model("portal_search", "IndexEntry")
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS search_fts")
        cursor.execute(CREATE.format(filters=", filters" if with_filters else ""))
        last = 0
        while chunk := list(IndexEntry.objects.filter(pk__gt=last).order_by("pk")[:CHUNK]):
            rows = [row if with_filters else row[:4] for row in fts_rows(chunk)]
            columns = "rowid, title, keywords, body" + (", filters" if with_filters else "")
            cursor.executemany(
                f"INSERT INTO search_fts({columns}) VALUES ({', '.join(['%s'] * len(rows[0]))})",
                rows,
            )
            last = chunk[-1].pk


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _refill(apps, schema_editor, with_filters=True)
        schema_editor.execute(LOOKUP_INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_match_lookup")
        _refill(apps, schema_editor, with_filters=False)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_facet_array_and_match_cost")]

    operations = [migrations.RunPython(forwards, backwards)]
