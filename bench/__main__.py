"""`python -m bench` (or `make bench`): page throughput of the portal at a realistic volume.

Builds an isolated site in bench/out/<database>/ (migrate, load_demo, then bench.populate
to reach some 2,000 pages, collectstatic): on SQLite and the local-memory cache by default,
on PostgreSQL and Redis with `--database-url` and `--redis-url`. Serves it with gunicorn
(2 sync workers, production settings) on loopback, with every cache on, or every cache off
with `--no-cache`; warms each page up, then loads each for a fixed time and prints
requests/s, latency percentiles and the gunicorn CPU time per request, with the SQL queries
each page costs.
"""

import argparse
import json
import os
import shutil
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.browser.pages import sitemap_paths
from tests.browser.served_site import ServedSite

from .cpu import tree_cpu_seconds
from .load import LoadResult, run_load

OUT_ROOT = Path(__file__).resolve().parent / "out"
WARM_UP_REQUESTS = 20
# Which page stands for each type: a fixed path, or the first sitemap entry under a prefix.
PAGES = (
    ("accueil", "/"),
    ("liste des retours d’expérience", "/retours-d-experience/"),
    ("guide", "/guides/*"),
    ("retour d’expérience", "/retours-d-experience/*"),
    ("ville", "/villes/*"),
    ("liste filtrée", "/retours-d-experience/?axe=habitat"),
)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the site already built in bench/out/ if there is one",
    )
    parser.add_argument(
        "--profile",
        nargs="+",
        metavar="PATH",
        help="instead of the load test, profile these pages of the built site",
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="PostgreSQL database to build the site in (its tables are replaced); SQLite if unset",
    )
    parser.add_argument("--redis-url", default="", help="Redis cache; local memory if unset")
    parser.add_argument(
        "--no-cache", action="store_true", help="serve with every cache of the portal off"
    )
    parser.add_argument("--only", nargs="+", metavar="PATH", help="load only these paths")
    parser.add_argument(
        "--autosave",
        metavar="PATH",
        help="instead of the load test, the fragment-cache hit rate of this page while an "
        "editor autosaves a draft of it",
    )
    return parser.parse_args()


def site_for(arguments: argparse.Namespace) -> ServedSite:
    overrides = {"FRAGMENT_CACHE_ENABLED": "false" if arguments.no_cache else "true"}
    out_dir = OUT_ROOT / "sqlite"
    if arguments.database_url:
        overrides["DATABASE_URL"] = arguments.database_url
        out_dir = OUT_ROOT / ("postgres-" + arguments.database_url.rsplit("/", 1)[-1])
    if arguments.redis_url:
        overrides["REDIS_URL"] = arguments.redis_url
        overrides["CACHE_KEY_PREFIX"] = f"bench-{os.getpid()}"
    return ServedSite(out_dir, workers=2, threads=1, env_overrides=overrides)


def build(site: ServedSite, reuse: bool) -> None:
    built_mark = site.var_dir / ".built"
    if reuse and built_mark.exists():
        print(f"Reusing the site built in {site.var_dir}")
        return
    shutil.rmtree(site.var_dir, ignore_errors=True)
    started = time.monotonic()
    if "DATABASE_URL" in site.env:
        print(site.python("-m", "bench.reset_database"), end="")
    print(f"Building the site in {site.var_dir} (migrate, load_demo, populate, collectstatic)…")
    site.var_dir.mkdir(parents=True, exist_ok=True)
    site.manage("migrate", "--noinput")
    site.manage("load_demo", timeout=1800)
    # PostgreSQL needs about 20 minutes for the 2,049 pages (one Wagtail revision each).
    print(site.python("-m", "bench.populate", timeout=3600), end="")
    print(site.python("-m", "bench.analyze_database"), end="")
    site.collectstatic()
    built_mark.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"))
    print(f"Built in {time.monotonic() - started:.0f} s")


def choose_paths(base_url: str) -> list[tuple[str, str]]:
    listed = sitemap_paths(base_url)
    chosen = []
    for label, pattern in PAGES:
        if not pattern.endswith("*"):
            chosen.append((label, pattern))
            continue
        prefix = pattern[:-1]
        path = next(
            (
                path
                for path in listed
                if path.startswith(prefix) and path.count("/") == prefix.count("/") + 1
            ),
            None,
        )
        if path is None:
            print(f"  no {prefix}<slug>/ page in the sitemap: “{label}” skipped")
            continue
        chosen.append((label, path))
    return chosen


def warm_up(base_url: str, path: str) -> str | None:
    """Requests the page until each worker has served it; returns why it fails, if it does."""
    for _ in range(WARM_UP_REQUESTS):
        try:
            with urllib.request.urlopen(f"{base_url}{path}", timeout=30) as response:
                response.read()
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code}"
    return None


def print_table(rows: list[tuple[str, str, LoadResult, float, dict]]) -> None:
    header = ("page", "path", "req/s", "CPU ms/req", "p50 ms", "p99 ms", "errors", "SQL queries")
    lines = [header, tuple("---" for _ in header)]
    for label, path, result, cpu_ms, queries in rows:
        lines.append(
            (
                label,
                path,
                f"{result.requests_per_second:.1f}",
                f"{cpu_ms:.1f}",
                f"{result.p50_ms:.1f}",
                f"{result.p99_ms:.1f}",
                str(result.errors),
                str(queries.get("queries", "?")),
            )
        )
    for line in lines:
        print("| " + " | ".join(line) + " |")


def main() -> None:
    arguments = parse_arguments()
    # Other processes on this small machine skew the figures: say how busy it was.
    load_before = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    site = site_for(arguments)
    build(site, arguments.reuse or bool(arguments.profile or arguments.autosave))
    if arguments.autosave:
        print(site.python("-m", "bench.autosave", arguments.autosave))
        return
    if arguments.profile:
        print(site.python("-m", "bench.profile", *arguments.profile))
        return
    site.start()
    try:
        paths = choose_paths(site.base_url)
        if arguments.only:
            paths = [(path, path) for path in arguments.only]
        queries = json.loads(site.python("-m", "bench.queries", *(path for _, path in paths)))
        rows = []
        for label, path in paths:
            if failure := warm_up(site.base_url, path):
                print(f"  {label}: {path} answers {failure}, not measured (see {site.log_path})")
                continue
            cpu_before = tree_cpu_seconds(site.process.pid)
            result = run_load(f"{site.base_url}{path}", arguments.connections, arguments.duration)
            cpu_ms = (tree_cpu_seconds(site.process.pid) - cpu_before) * 1000 / result.requests
            print(
                f"  {label}: {result.requests_per_second:.1f} req/s, {cpu_ms:.1f} ms CPU "
                f"per request ({result.tool})",
                flush=True,
            )
            rows.append((label, path, result, cpu_ms, queries.get(path, {})))
    finally:
        site.stop()
    database = "PostgreSQL" if arguments.database_url else "SQLite"
    cache = "Redis" if arguments.redis_url else "local-memory cache"
    caches = "every cache off" if arguments.no_cache else "caches on"
    print(
        f"\n{arguments.connections} connections, {arguments.duration} s per page, "
        f"gunicorn 2 sync workers, {database}, {cache}, {caches}, DEBUG off "
        f"(load average before: {load_before}):\n"
    )
    print_table(rows)
    print("\nServer time and busiest tables per page (one warm request, in-process):")
    for label, path in paths:
        detail = queries.get(path, {})
        print(
            f"  {label} {path}: {detail.get('server_ms')} ms, "
            f"{detail.get('queries')} queries, {detail.get('busiest_tables')}"
        )


if __name__ == "__main__":
    sys.exit(main())
