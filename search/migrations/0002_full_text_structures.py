"""Full-text structures the ORM cannot declare, per database: PostgreSQL's French
configuration over unaccent and its GIN indexes; SQLite's FTS5 table of stems."""

from django.db import migrations

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION french_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$""",
    """ALTER TABLE search_entry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('french_unaccent', title), 'A')
        || setweight(to_tsvector('french_unaccent', keywords || ' ' || summary), 'B')
        || setweight(to_tsvector('french_unaccent', text), 'C')
    ) STORED""",
    """ALTER TABLE search_entry ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('french_unaccent', title), 'A')
        || setweight(to_tsvector('french_unaccent', left(keywords || ' ' || summary, 600)), 'B')
    ) STORED""",
    "CREATE INDEX search_entry_vector_gin ON search_entry USING gin (vector)",
    "CREATE INDEX search_entry_facets_gin ON search_entry USING gin (facets)",
    "CREATE INDEX search_entry_title_trgm ON search_entry USING gin (title_key gin_trgm_ops)",
    "CREATE INDEX search_term_word_trgm ON search_term USING gin (word gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS vector",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS rank_vector",
    "DROP INDEX IF EXISTS search_entry_facets_gin",
    "DROP INDEX IF EXISTS search_entry_title_trgm",
    "DROP INDEX IF EXISTS search_term_word_trgm",
]
SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, keywords, body, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_fts"]


def run(statements: dict[str, list[str]]):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_index_and_analytics")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
