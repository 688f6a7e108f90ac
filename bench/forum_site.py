"""What `python -m bench.forum` asks of the isolated site (run in its environment), as JSON:

- `python -m bench.forum_site targets COUNT`: the pages to load (the busiest public
  category, a long topic, short topics to reply to, a CMS guide page) and COUNT signed-in
  sessions of bench members (cookie name and value);
- `python -m bench.forum_site cms-hits PATH SECONDS`: an anonymous reader requests the CMS
  page in a loop for SECONDS; every lookup of its cached fragments is counted as a hit or a
  miss, and the content version is read before and after (forum activity must not bump it).
"""

import json
import os
import sys
import time


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    import django

    django.setup()


def targets(count: int) -> dict:
    from django.conf import settings
    from django.db.models import Count, Q
    from django.test import Client
    from wagtail.models import Page

    from bench.forum_populate import BENCH_EMAIL
    from community.accounts.models import User
    from community.forum.models import Category, Topic
    from community.groups.models import Visibility

    category = (
        Category.objects.filter(visibility=Visibility.PUBLIC)
        .annotate(total=Count("topics", filter=Q(topics__is_deleted=False)))
        .order_by("-total")
        .first()
    )
    long_topic = Topic.objects.filter(category=category).order_by("-post_count").first()
    short_topics = list(
        Topic.objects.filter(category=category, post_count__lt=20, is_locked=False)
        .order_by("pk")
        .values_list("pk", flat=True)[:200]
    )
    guide = Page.objects.live().filter(url_path__contains="/guides/").order_by("-depth", "path")
    sessions = []
    for number in range(count):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(email=BENCH_EMAIL.format(number)))
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return {
        "category": category.get_absolute_url(),
        "category_topics": category.total,
        "long_topic": long_topic.get_absolute_url(),
        "long_topic_pages": (long_topic.post_count - 1) // 20 + 1,
        "short_topics": short_topics,
        "cms_page": guide.first().url,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "sessions": sessions,
    }


def cms_hits(path: str, seconds: float) -> dict:
    from django.test import Client

    from bench.autosave import CountingCache
    from cms.core import fragments

    counting = CountingCache(fragments.cache)
    fragments.cache = counting
    reader = Client(HTTP_HOST="127.0.0.1")
    reader.get(path)
    counting.hits = counting.misses = 0
    version_before = fragments.cache.get(fragments.VERSION_KEY)
    requests = 0
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        assert reader.get(path).status_code == 200
        requests += 1
    lookups = counting.hits + counting.misses
    return {
        "path": path,
        "requests": requests,
        "fragment_hits": counting.hits,
        "fragment_misses": counting.misses,
        "hit_rate": round(counting.hits / lookups, 4) if lookups else None,
        "content_version_unchanged": version_before == fragments.cache.get(fragments.VERSION_KEY),
    }


def main() -> None:
    _setup()
    command, *arguments = sys.argv[1:]
    if command == "targets":
        print(json.dumps(targets(int(arguments[0]))))
    elif command == "cms-hits":
        print(json.dumps(cms_hits(arguments[0], float(arguments[1]))))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
