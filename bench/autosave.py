"""Fragment-cache hit rate of a page while an editor autosaves a draft of it:
`python -m bench --autosave PATH` (runs `python -m bench.autosave PATH` in the isolated
site's environment). Prints one JSON object.

For `duration` seconds, an editor's draft of the page is saved every `interval` seconds (in
a thread) the way Wagtail's autosave saves it (the latest revision overwritten, nothing
published), while an anonymous reader requests the page in a loop; every lookup of the page's cached fragments
is counted as a hit or a miss.
"""

import json
import os
import sys
import threading
import time
from typing import Any


class CountingCache:
    """The cache, counting hits and misses of page-fragment lookups."""

    def __init__(self, cache: Any) -> None:
        self._cache = cache
        self.hits = 0
        self.misses = 0

    def get(self, key: str, *args: Any, **kwargs: Any) -> Any:
        value = self._cache.get(key, *args, **kwargs)
        if key.startswith("page-"):
            if value is None:
                self.misses += 1
            else:
                self.hits += 1
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cache, name)


def main(path: str, duration: float = 20.0, interval: float = 0.5) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    from cms.core import fragments

    page = Page.objects.get(url_path__endswith=path, live=True).specific
    editor = get_user_model().objects.filter(is_superuser=True).first()
    counting = CountingCache(fragments.cache)
    fragments.cache = counting
    reader = Client(HTTP_HOST="127.0.0.1")
    reader.get(path)
    counting.hits = counting.misses = 0

    stop = threading.Event()
    autosaves = [0]

    def editor_autosaves() -> None:
        revision = None
        try:
            while not stop.wait(interval):
                page.title = f"{page.title.split(' — brouillon')[0]} — brouillon {autosaves[0]}"
                revision = page.save_revision(user=editor, overwrite_revision=revision, clean=False)
                autosaves[0] += 1
        finally:
            connection.close()

    editor_thread = threading.Thread(target=editor_autosaves)
    editor_thread.start()
    requests = 0
    started = time.monotonic()
    try:
        while time.monotonic() - started < duration:
            assert reader.get(path).status_code == 200
            requests += 1
    finally:
        stop.set()
        editor_thread.join()
    lookups = counting.hits + counting.misses
    print(
        json.dumps(
            {
                "path": path,
                "seconds": duration,
                "autosaves": autosaves[0],
                "requests": requests,
                "fragment_hits": counting.hits,
                "fragment_misses": counting.misses,
                "hit_rate": round(counting.hits / lookups, 4) if lookups else None,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
