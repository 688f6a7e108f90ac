"""`python -m bench.search`: the portal search at 100,000 generated French documents.

Generates documents from the programme's own vocabulary (cms/programme/data/programme.json,
the 245 towns), rebuilds the index of the database backend in use (what `manage.py
reindex` does) and reports indexing throughput, then p50/p95 latencies of complete searches
(count, top 20 with snippets, facet counts) for three query classes:

- common: one of four terms each found in a quarter of the documents;
- rare: a term found in about ten documents;
- faceted: a common term with a region and a type filter.

    .venv/bin/python -m bench.search                       # SQLite in bench/out/search/
    .venv/bin/python -m bench.search --database-url postgres://postgres@127.0.0.1:5432/bench_search
"""

import argparse
import datetime
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "bench" / "out" / "search"
COMMON_TERMS = ("commerce", "logement", "patrimoine", "mobilité")
TYPES = ("guide", "ressource", "retour-experience", "actualite", "communique", "dispositif")
AXES = ("Habitat", "Économie et commerce", "Mobilité", "Espace public et patrimoine", "Équipements")
THEMES = ("Innovation", "Numérique", "Animation des centres-villes")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="queries per class")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    parser.add_argument("--reuse", action="store_true", help="keep the index already built")
    return parser.parse_args()


def setup_django(database_url: str) -> None:
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("ELASTICSEARCH_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "coeurdeville.settings.test"
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["VAR_DIR"] = str(OUT_DIR)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        create_postgres_database(database_url)
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def create_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def vocabulary() -> list[str]:
    text = json.dumps(
        json.loads((ROOT / "cms/programme/data/programme.json").read_text(encoding="utf-8")),
        ensure_ascii=False,
    ).lower()
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœæ]{4,}", text)
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    reserved = set(COMMON_TERMS)
    return [w for w, _ in sorted(counts.items(), key=lambda i: -i[1]) if w not in reserved]


def generate(count: int, seed: int = 42) -> tuple[list, list[str]]:
    from search.documents import PUBLIC, SearchDocument, group_audience

    rng = random.Random(seed)
    words = vocabulary()
    rare = words[-300:]  # the least used words are kept for the rare class
    general = words[:-300]
    weights = [1 / (rank + 1) for rank in range(len(general))]
    places = [
        (f"{71000 + i:05d}", f"Ville {i}", f"Département {i % 101}", f"Région {i % 18}")
        for i in range(245)
    ]
    rare_queries = []
    documents = []
    for number in range(count):
        body = rng.choices(general, weights, k=150)
        for index, term in enumerate(COMMON_TERMS):
            if (number + index) % 4 == 0:
                body.insert(rng.randrange(len(body)), term)
        if number % 10 == 0:
            word = rare[(number // 10) % len(rare)]
            body.insert(rng.randrange(len(body)), word)
            if len(rare_queries) < len(rare):
                rare_queries.append(word)
        town, town_name, department, region = rng.choice(places)
        date = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(3000))
        documents.append(
            SearchDocument(
                key=f"bench:{number}",
                type=rng.choice(TYPES),
                title=" ".join(rng.choices(general[:400], k=rng.randint(5, 9))).capitalize(),
                url=f"/bench/{number}/",
                summary=" ".join(rng.choices(general, weights, k=25)),
                text=" ".join(body),
                date=date,
                axes=tuple(rng.sample(AXES, rng.randint(1, 2))),
                themes=tuple(rng.sample(THEMES, rng.randint(0, 1))),
                region=region,
                department=department,
                town=town,
                town_name=town_name,
                tags=tuple(rng.sample(general[:60], rng.randint(0, 3))),
                audience=PUBLIC if number % 20 else group_audience(number % 7),
            )
        )
    return documents, rare_queries


def server_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL server process (0 on SQLite,
    or when the server is not on this machine): on a loaded machine, what the wall-clock
    time cannot tell."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(label: str, queries: list[tuple[str, dict]]) -> dict[str, float]:
    from search.backends import SearchRequest, get_backend
    from search.documents import PUBLIC
    from search.query import parse

    backend = get_backend()
    timings, totals = [], []
    cpu = time.process_time()
    for text, filters in queries:
        started = time.perf_counter()
        results = backend.search(
            SearchRequest(parse(text), frozenset({PUBLIC}), filters=filters, limit=20)
        )
        timings.append((time.perf_counter() - started) * 1000)
        totals.append(results.total)
    cpu_ms = (time.process_time() - cpu) * 1000 / len(queries)
    figures = {
        "p50": percentile(timings, 0.5),
        "p95": percentile(timings, 0.95),
        "max": max(timings),
        "cpu": cpu_ms,
        "matches": statistics.mean(totals),
    }
    print(
        f"{label:<8} p50 {figures['p50']:7.1f} ms   p95 {figures['p95']:7.1f} ms   "
        f"max {figures['max']:7.1f} ms   client CPU {cpu_ms:5.1f} ms/query   "
        f"matches {figures['matches']:9.0f} on average"
    )
    return figures


def main() -> None:
    arguments = parse_arguments()
    sys.path.insert(0, str(ROOT))
    setup_django(arguments.database_url)
    from django.db import connection

    from search.backends import get_backend
    from search.models import IndexEntry

    backend = get_backend()
    print(f"Backend: {backend.name} ({connection.vendor}); {arguments.documents} documents")
    started = time.perf_counter()
    documents, rare = generate(arguments.documents)
    print(f"Generated in {time.perf_counter() - started:.1f} s")
    if not (arguments.reuse and IndexEntry.objects.count() == arguments.documents):
        started, cpu, server = time.perf_counter(), time.process_time(), server_cpu()
        backend.rebuild(iter(documents))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        server = server_cpu() - server
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE search_entry")
        print(
            f"Indexed {len(documents)} documents in {elapsed:.1f} s "
            f"({len(documents) / elapsed:,.0f} documents/s; client CPU {cpu:.1f} s"
            + (f", server CPU {server:.1f} s)" if server else ")")
        )
    rng = random.Random(7)
    count = arguments.queries
    measure("warm-up", [(rng.choice(COMMON_TERMS), {}) for _ in range(10)])
    measure("common", [(rng.choice(COMMON_TERMS), {}) for _ in range(count)])
    measure("rare", [(rng.choice(rare), {}) for _ in range(count)])
    measure(
        "faceted",
        [
            (
                rng.choice(COMMON_TERMS),
                {"region": [f"Région {rng.randrange(18)}"], "type": [rng.choice(TYPES)]},
            )
            for _ in range(count)
        ],
    )


if __name__ == "__main__":
    main()
