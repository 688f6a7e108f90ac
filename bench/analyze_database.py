"""Gathers the planner's statistics after a build: `python -m bench.analyze_database` (run by
the bench in the isolated site's environment, whose DATABASE_URL names the database).

A production database has them (autovacuum analyses tables as they fill); a freshly built
one may not, and PostgreSQL then plans every query on default guesses (a few dozen rows per
table), which measured the wrong plans. Nothing to do on SQLite, whose planner has none.
"""

import os


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Analysed the PostgreSQL database {connection.settings_dict['NAME']}")


if __name__ == "__main__":
    main()
