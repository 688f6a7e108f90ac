"""Empties the benchmark's PostgreSQL database before a build: `python -m bench.reset_database`
(run by the bench in the isolated site's environment, whose DATABASE_URL names it)."""

import os


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("bench.reset_database only empties a PostgreSQL database")
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    print(f"Emptied the PostgreSQL database {connection.settings_dict['NAME']}")


if __name__ == "__main__":
    main()
