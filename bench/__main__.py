"""`python -m bench` (or `make bench`): page throughput of the portal at a realistic volume.

Builds an isolated SQLite site in bench/out/ (migrate, load_demo, then bench.populate to
reach some 2,000 pages, collectstatic), serves it with gunicorn (2 sync workers, production
settings) on loopback, warms each page up, then loads each for a fixed time and prints
requests/s and latency percentiles, with the SQL queries each page costs.
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

from .load import LoadResult, run_load

OUT_DIR = Path(__file__).resolve().parent / "out"
BUILT_MARK = OUT_DIR / ".built"
WARM_UP_REQUESTS = 20
# Which page stands for each type: a fixed path, or the first sitemap entry under a prefix.
PAGES = (
    ("accueil", "/"),
    ("liste des retours d’expérience", "/retours-d-experience/"),
    ("guide", "/guides/*"),
    ("retour d’expérience", "/retours-d-experience/*"),
    ("ville", "/villes/*"),
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
    return parser.parse_args()


def build(site: ServedSite, reuse: bool) -> None:
    if reuse and BUILT_MARK.exists():
        print(f"Reusing the site built in {OUT_DIR}")
        return
    shutil.rmtree(OUT_DIR, ignore_errors=True)
    started = time.monotonic()
    print(f"Building the site in {OUT_DIR} (migrate, load_demo, populate, collectstatic)…")
    site.var_dir.mkdir(parents=True)
    site.manage("migrate", "--noinput")
    site.manage("load_demo")
    print(site.python("-m", "bench.populate"), end="")
    site.collectstatic()
    BUILT_MARK.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"))
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


def print_table(rows: list[tuple[str, str, LoadResult, dict]]) -> None:
    header = ("page", "path", "req/s", "p50 ms", "p99 ms", "errors", "SQL queries")
    lines = [header, tuple("---" for _ in header)]
    for label, path, result, queries in rows:
        lines.append(
            (
                label,
                path,
                f"{result.requests_per_second:.1f}",
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
    site = ServedSite(OUT_DIR, workers=2, threads=1)
    build(site, arguments.reuse or bool(arguments.profile))
    if arguments.profile:
        print(site.python("-m", "bench.profile", *arguments.profile))
        return
    site.start()
    try:
        paths = choose_paths(site.base_url)
        queries = json.loads(site.python("-m", "bench.queries", *(path for _, path in paths)))
        rows = []
        for label, path in paths:
            if failure := warm_up(site.base_url, path):
                print(f"  {label}: {path} answers {failure}, not measured (see {site.log_path})")
                continue
            result = run_load(f"{site.base_url}{path}", arguments.connections, arguments.duration)
            print(f"  {label}: {result.requests_per_second:.1f} req/s ({result.tool})", flush=True)
            rows.append((label, path, result, queries.get(path, {})))
    finally:
        site.stop()
    print(
        f"\n{arguments.connections} connections, {arguments.duration} s per page, "
        f"gunicorn 2 sync workers, SQLite, DEBUG off (load average before: {load_before}):\n"
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
