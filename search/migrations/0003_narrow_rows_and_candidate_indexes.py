"""PostgreSQL: keep the index rows narrow; index the newest-first order and the title and
summary vector (the ranking candidates).

Searches read the heap row of every match (audience, facets): with the text, summary and
tsvectors moved to the TOAST table (`toast_tuple_target`), tens of thousands of matches
fit in a few thousand pages. `facets` stays in the row (`STORAGE MAIN`) since facet counts
read it for every match. The existing rows are rewritten by the next `manage.py reindex`.
"""

from django.db import migrations

POSTGRES = [
    "ALTER TABLE search_entry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_entry ALTER COLUMN facets SET STORAGE MAIN",
    "CREATE INDEX search_entry_newest ON search_entry (date DESC NULLS LAST, id DESC)",
    "CREATE INDEX search_entry_rank_vector_gin ON search_entry USING gin (rank_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_entry_rank_vector_gin",
    "DROP INDEX IF EXISTS search_entry_newest",
    "ALTER TABLE search_entry ALTER COLUMN facets SET STORAGE EXTENDED",
    "ALTER TABLE search_entry RESET (toast_tuple_target)",
]


def run(statements: list[str]):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_full_text_structures")]

    operations = [migrations.RunPython(run(POSTGRES), run(POSTGRES_REVERSE))]
