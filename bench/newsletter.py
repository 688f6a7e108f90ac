"""`python -m bench.newsletter`: freeze, render and send an issue to 10⁵ subscribers.

The mails go to a counting SMTP sink in a separate process on loopback (bench/smtp_sink.py).
The database is a fresh SQLite file in bench/out/ unless --database-url names a PostgreSQL
database (it is emptied of newsletter rows first). Prints mails/s, total time, CPU time and
the sender's memory (peak, and RSS sampled as the send progresses: flat means constant).
"""

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "bench" / "out"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.newsletter", description=__doc__)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--profile", action="store_true", help="print the send's cProfile (slower)")
    parser.add_argument(
        "--workers", type=int, default=1, help="sending processes (default setting: 1)"
    )
    return parser.parse_args()


def configure(args: argparse.Namespace, port: int) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    database = args.database_url or f"sqlite:///{OUT_DIR / 'newsletter.sqlite3'}"
    if not args.database_url:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT_DIR / 'newsletter.sqlite3'}{suffix}").unlink(missing_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="coeurdeville.settings.dev",
        DEBUG="false",
        DATABASE_URL=database,
        VAR_DIR=str(OUT_DIR / "var"),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        CELERY_BROKER_URL="",
        LOG_LEVEL="ERROR",
    )
    os.environ.pop("REDIS_URL", None)


def main() -> None:
    args = parse_arguments()
    port = free_port()
    configure(args, port)
    sink = subprocess.Popen(
        [sys.executable, "-m", "bench.smtp_sink", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sink.stdout.readline().strip() == "ready"
    try:
        report = run(args)
    finally:
        sink.terminate()
    received = json.loads(sink.stdout.readline())
    report.update(received)
    print(json.dumps(report, indent=2, ensure_ascii=False))


def run(args: argparse.Namespace) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from newsletter import sending
    from newsletter.models import Delivery, Issue, Subscriber
    from newsletter.rendering import render_issue

    call_command("migrate", verbosity=0)
    Delivery.objects.all().delete()
    Issue.objects.all().delete()
    Subscriber.objects.all().delete()
    started = time.monotonic()
    for start in range(0, args.subscribers, 10_000):
        Subscriber.objects.bulk_create(
            Subscriber(email=f"abonne{n}@exemple.fr", status=Subscriber.Status.ACTIVE)
            for n in range(start, min(start + 10_000, args.subscribers))
        )
    created = time.monotonic() - started
    issue = Issue.objects.create(
        title="Lettre d’information — banc d’essai",
        slug="banc-d-essai",
        introduction="Les nouvelles du programme Action cœur de ville. " * 3,
        national_news=[
            (
                "item",
                {
                    "title": f"Actualité {n}",
                    "text": "Texte de l’actualité. " * 8,
                    "url": "/actualites/",
                },
            )
            for n in range(4)
        ],
        focus=[("item", {"title": "Focus", "text": "Une mesure. " * 20, "url": "/mesures/"})],
        research=[("item", {"title": "Recherche", "text": "Un regard. " * 20, "url": ""})],
        projects=[
            ("item", {"title": f"Projet {n}", "text": "Avancement. " * 6, "url": ""})
            for n in range(5)
        ],
        innovations=[
            ("item", {"title": f"Innovation {n}", "text": "Idée. " * 6, "url": ""})
            for n in range(4)
        ],
        community_moves=[
            ("item", {"title": f"Arrivée {n}", "text": "", "url": ""}) for n in range(3)
        ],
    )
    t0 = time.monotonic()
    rendered = render_issue(issue)
    render_s = time.monotonic() - t0

    t0 = time.monotonic()
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
    frozen = sending.freeze_audience(issue.pk)
    freeze_s = time.monotonic() - t0
    connection.close()

    samples: list[tuple[int, float]] = []
    done = threading.Event()

    def sample() -> None:
        from django.db import connections

        while not done.wait(1.0):
            count = Delivery.objects.filter(issue=issue, status="sent").count()
            samples.append((count, round(rss_mb(), 1)))
        connections.close_all()

    extra = [
        subprocess.Popen(
            [sys.executable, "manage.py", "newsletter_send", str(issue.pk)],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
        )
        for _ in range(args.workers - 1)
    ]
    rss_before = rss_mb()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.monotonic()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        status = profiler.runcall(sending.run, issue.pk)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(20)
    else:
        status = sending.run(issue.pk)
    for process in extra:
        process.wait()
    status = sending.finish_if_done(issue.pk)
    send_s = time.monotonic() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    done.set()
    sampler.join()
    sent = Delivery.objects.filter(issue=issue, status="sent").count()
    return {
        "database": connection.vendor,
        "subscribers": args.subscribers,
        "workers": args.workers,
        "batch_size": sending.batch_size(),
        "html_bytes": len(rendered.html.encode()),
        "create_subscribers_s": round(created, 2),
        "render_ms": round(render_s * 1000, 1),
        "freeze_s": round(freeze_s, 2),
        "frozen_rows": frozen,
        "send_s": round(send_s, 2),
        "mails_per_s": round(sent / send_s, 1),
        "sender_cpu_s": round(cpu1.ru_utime - cpu0.ru_utime + cpu1.ru_stime - cpu0.ru_stime, 2),
        "sent_rows": sent,
        "issue_status": status,
        "rss_before_send_mb": round(rss_before, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_samples_sent_mb": samples[:: max(1, len(samples) // 10)],
    }


if __name__ == "__main__":
    main()
