"""`python -m bench.forum --database-url postgres://… --redis-url redis://…`: the forum at
volume (issue 6): 20,000 topics and 200,000 posts on PostgreSQL, served by gunicorn (2 sync
workers, production settings, Celery tasks queued in Redis as production queues them).

Builds the isolated site in bench/out/forum-<database>/ (migrate, load_demo, then
bench.forum_populate, collectstatic; `--reuse` keeps it), then measures:
- a category page and a long topic's last page, anonymous and signed in as a member
  (unread markers): req/s, p50/p99, gunicorn CPU ms per request (wrk, closed loop);
- post creation: members replying through the real form (GET the form, POST it with its
  CSRF token), the posting rate limit raised through the RATELIMITS variable: p50/p99 of
  the POST;
- a CMS guide page's throughput alone, then while members post, and its fragment-cache
  hit rate in both cases (forum activity must not bump the CMS content version).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from tests.browser.served_site import ServedSite

from .__main__ import warm_up
from .cpu import tree_cpu_seconds
from .load import LoadResult, run_load

OUT_ROOT = Path(__file__).resolve().parent / "out"
POSTERS = 2
WARM_UP_POSTS = 3
REPLY_BODY = (
    "Merci pour ce retour. Chez nous, la convention ORT a permis de mobiliser l’Anah "
    "et Action Logement sur trois immeubles du centre ; je partage volontiers le calendrier."
)
FIELD = r'name="{}"[^>]*value="([^"]+)"'


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.forum", description=__doc__)
    parser.add_argument(
        "--database-url", required=True, help="PostgreSQL (its tables are replaced)"
    )
    parser.add_argument("--redis-url", required=True, help="Redis: cache and Celery queue")
    parser.add_argument("--duration", type=int, default=15, help="seconds of load per measure")
    parser.add_argument(
        "--connections",
        type=int,
        default=2,
        help="requests in flight (2: one per worker, so latencies are the pages' own, not a "
        "queue in front of busy workers)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep the site already built")
    return parser.parse_args()


def site_for(arguments: argparse.Namespace) -> ServedSite:
    overrides = {
        "DATABASE_URL": arguments.database_url,
        "REDIS_URL": arguments.redis_url,
        "CELERY_BROKER_URL": arguments.redis_url,
        "CACHE_KEY_PREFIX": f"bench-forum-{os.getpid()}",
        "FRAGMENT_CACHE_ENABLED": "true",
        # Members post as fast as the bench can: raised, not switched off.
        "RATELIMITS": "forum.post=100000/60,forum.mention=100000/60",
    }
    name = arguments.database_url.rsplit("/", 1)[-1]
    return ServedSite(OUT_ROOT / f"forum-{name}", workers=2, threads=1, env_overrides=overrides)


def build(site: ServedSite, reuse: bool) -> None:
    built_mark = site.var_dir / ".built"
    if reuse and built_mark.exists():
        print(f"Reusing the site built in {site.var_dir}")
        return
    shutil.rmtree(site.var_dir, ignore_errors=True)
    started = time.monotonic()
    print(site.python("-m", "bench.reset_database"), end="")
    print(f"Building the forum in {site.var_dir} (migrate, load_demo, forum_populate)…")
    site.var_dir.mkdir(parents=True, exist_ok=True)
    site.manage("migrate", "--noinput")
    site.manage("load_demo")
    print(site.python("-m", "bench.forum_populate"), end="")
    print(site.python("-m", "bench.analyze_database"), end="")
    site.collectstatic()
    built_mark.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"))
    print(f"Built in {time.monotonic() - started:.0f} s")


@dataclass
class Measure:
    label: str
    path: str
    result: LoadResult
    cpu_ms: float


def load(
    site: ServedSite, label: str, path: str, arguments: argparse.Namespace, cookie: str = ""
) -> Measure:
    headers = {"Cookie": cookie} if cookie else {}
    if failure := warm_up_with(site, path, headers):
        raise RuntimeError(f"{label}: {path} answers {failure} (see {site.log_path})")
    cpu_before = tree_cpu_seconds(site.process.pid)
    result = run_load(f"{site.base_url}{path}", arguments.connections, arguments.duration, headers)
    cpu_ms = (tree_cpu_seconds(site.process.pid) - cpu_before) * 1000 / max(result.requests, 1)
    print(
        f"  {label}: {result.requests_per_second:.1f} req/s, p50 {result.p50_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms, {cpu_ms:.1f} ms CPU/req, {result.errors} errors",
        flush=True,
    )
    return Measure(label, path, result, cpu_ms)


def warm_up_with(site: ServedSite, path: str, headers: dict[str, str]) -> str | None:
    if not headers:
        return warm_up(site.base_url, path)
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=30)
    try:
        for _ in range(10):
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                return f"HTTP {response.status}"
    finally:
        connection.close()
    return None


class Poster(threading.Thread):
    """A member replying in a loop: GET the reply form, POST it; times each POST."""

    def __init__(self, site: ServedSite, targets: dict, number: int, stop: threading.Event):
        super().__init__()
        self.port = site.port
        self.cookie = f"{targets['session_cookie']}={targets['sessions'][number]}"
        self.csrf_cookie = targets["csrf_cookie"]
        self.topics = targets["short_topics"][number::POSTERS]
        self.stop = stop
        self.latencies: list[float] = []
        self.failures = 0

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        # Unmeasured: a worker's first post opens its connection to the Celery broker.
        for topic in self.topics[:WARM_UP_POSTS]:
            self.reply(connection, f"/forum/sujet/{topic}/repondre/", measured=False)
        turn = WARM_UP_POSTS
        while not self.stop.is_set():
            topic = self.topics[turn % len(self.topics)]
            turn += 1
            try:
                self.reply(connection, f"/forum/sujet/{topic}/repondre/")
            except (OSError, http.client.HTTPException):
                self.failures += 1
                connection.close()

    def reply(
        self, connection: http.client.HTTPConnection, path: str, measured: bool = True
    ) -> None:
        connection.request("GET", path, headers={"Cookie": self.cookie})
        response = connection.getresponse()
        page = response.read().decode()
        csrf = re.search(rf"{self.csrf_cookie}=([^;]+)", response.getheader("Set-Cookie") or "")
        token = re.search(FIELD.format("csrfmiddlewaretoken"), page)
        key = re.search(FIELD.format("submission_key"), page)
        if response.status != 200 or not (token and key):
            self.failures += 1
            return
        cookie = self.cookie + (f"; {self.csrf_cookie}={csrf.group(1)}" if csrf else "")
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "submission_key": key.group(1),
                "body": REPLY_BODY,
            }
        )
        started = time.perf_counter()
        connection.request(
            "POST",
            path,
            body=body,
            headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
        )
        answer = connection.getresponse()
        answer.read()
        elapsed = (time.perf_counter() - started) * 1000
        if answer.status != 302:
            self.failures += 1
        elif measured:
            self.latencies.append(elapsed)


def posting(site: ServedSite, targets: dict, seconds: float, during=None) -> dict:
    """Members post for `seconds` (or while `during()` runs); returns POST latencies."""
    stop = threading.Event()
    posters = [Poster(site, targets, number, stop) for number in range(POSTERS)]
    cpu_before = tree_cpu_seconds(site.process.pid)
    started = time.monotonic()
    for poster in posters:
        poster.start()
    extra = None
    try:
        if during is None:
            time.sleep(seconds)
        else:
            extra = during()
    finally:
        stop.set()
        for poster in posters:
            poster.join()
    elapsed = time.monotonic() - started
    latencies = sorted(value for poster in posters for value in poster.latencies)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    summary = {
        "posts": len(latencies),
        "posts_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49], 1),
        "p99_ms": round(cuts[98], 1),
        "failures": sum(poster.failures for poster in posters),
        "cpu_ms_per_post": round(
            (tree_cpu_seconds(site.process.pid) - cpu_before) * 1000 / max(len(latencies), 1), 1
        ),
    }
    return summary if extra is None else {**summary, "during": extra}


def purge_queue(redis_url: str) -> None:
    """The bench runs no Celery worker: its queued notification tasks are dropped."""
    import redis

    redis.Redis.from_url(redis_url).delete("celery")


def main() -> None:
    arguments = parse_arguments()
    load_before = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    site = site_for(arguments)
    build(site, arguments.reuse)
    targets = json.loads(site.python("-m", "bench.forum_site", "targets", str(POSTERS)))
    member = f"{targets['session_cookie']}={targets['sessions'][0]}"
    last_page = f"{targets['long_topic']}?page={targets['long_topic_pages']}"
    cms = targets["cms_page"]
    site.start()
    try:
        rows = [
            load(site, "catégorie, anonyme", targets["category"], arguments),
            load(site, "catégorie, membre", targets["category"], arguments, member),
            load(site, "dernière page d’un long sujet, anonyme", last_page, arguments),
            load(site, "dernière page d’un long sujet, membre", last_page, arguments, member),
            load(site, "page CMS seule", cms, arguments),
        ]
        alone = posting(site, targets, arguments.duration)
        print(f"  posting alone: {alone}", flush=True)
        cms_hits_alone = json.loads(
            site.python("-m", "bench.forum_site", "cms-hits", cms, str(arguments.duration))
        )
        print(f"  CMS fragment hits, no posting: {cms_hits_alone}", flush=True)
        with_posting = posting(
            site,
            targets,
            0,
            during=lambda: load(site, "page CMS pendant les messages", cms, arguments),
        )
        rows.append(with_posting.pop("during"))
        print(f"  posting during the CMS load: {with_posting}", flush=True)
        hits_posting = posting(
            site,
            targets,
            0,
            during=lambda: json.loads(
                site.python("-m", "bench.forum_site", "cms-hits", cms, str(arguments.duration))
            ),
        )
        print(f"  CMS fragment hits while members post: {hits_posting['during']}", flush=True)
    finally:
        site.stop()
        purge_queue(arguments.redis_url)
    load_after = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\n{targets['category_topics']} topics in {targets['category']}; long topic "
        f"{targets['long_topic_pages']} pages. {arguments.connections} connections, "
        f"{arguments.duration} s per measure, gunicorn 2 sync workers, PostgreSQL, Redis, "
        f"caches on, DEBUG off, {POSTERS} members posting "
        f"(load average before: {load_before}; after: {load_after}):\n"
    )
    print("| page | path | req/s | CPU ms/req | p50 ms | p99 ms | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        result = row.result
        print(
            f"| {row.label} | {row.path} | {result.requests_per_second:.1f} | {row.cpu_ms:.1f} "
            f"| {result.p50_ms:.1f} | {result.p99_ms:.1f} | {result.errors} |"
        )
    print(
        f"\nPosting (POST of the reply form, {POSTERS} members): alone {alone}; "
        f"during the CMS load {with_posting}"
    )
    print(
        f"CMS fragment-cache hit rate: alone {cms_hits_alone['hit_rate']}, while members "
        f"post {hits_posting['during']['hit_rate']} (content version unchanged: "
        f"{hits_posting['during']['content_version_unchanged']})"
    )


if __name__ == "__main__":
    sys.exit(main())
