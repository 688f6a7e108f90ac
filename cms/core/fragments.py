"""Fragment caching keyed by one site-wide content version.

Rendering a page's related content, listings or the site chrome costs queries; the result
only changes when something is published, unpublished, moved or deleted, or when shared
reference data (towns, axes, images, settings) is saved. Each of those events bumps the
content version (see `signals`), so every cached fragment keyed by it is dropped at once.
Templates use `{% cache FRAGMENT_SECONDS "name" … content_version %}` and views pass
expensive values lazily (`lazy`), so a cache hit runs none of their queries.

With the embedded local-memory cache each process keeps its own fragments; the TTL bounds
how long another process may show an older fragment. Production shares Redis.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

VERSION_KEY = "portal:content-version"
FRAGMENT_SECONDS = 10 * 60

T = TypeVar("T")


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = bump_content_version()
    return version


def bump_content_version() -> str:
    version = str(time.time_ns())
    cache.set(VERSION_KEY, version, None)
    return version


def lazy(compute: Callable[[], T]) -> T:
    """A value computed on first use only: skipped entirely when its fragment is cached."""
    return SimpleLazyObject(compute)  # type: ignore[return-value]
