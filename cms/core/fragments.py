"""Every cache of the portal, keyed by one site-wide content version.

Rendering a page's main content, its listings, the site chrome, the town map or finding the
page a URL routes to costs queries; the result only changes when what readers can see
changes. The one rule deciding that lives in `signals`: each such change bumps the content
version, so everything cached under the previous one is dropped at once, and nothing else
bumps it. A page that also lists rows from outside the CMS (a town page's forum topics) adds
a scope version to its key (`scope_version`), which the same rule renews for that page alone. Templates use `{% cached_content "name" %}` and code uses `remember`; views pass
expensive values lazily (`lazy`), so a cache hit runs none of their queries.

Anonymous readers get whole pages kept under the same versions (`coeurdeville.page_cache`),
which records the scope versions a page read (`scopes_read`).

`FRAGMENT_CACHE_ENABLED = False` switches every one of these caches off: each value is then
computed on every request, as if nothing were cached.

With the embedded local-memory cache each process keeps its own entries; the TTL bounds
how long another process may show an older one. Production shares Redis.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.functional import SimpleLazyObject

from . import request_memo

VERSION_KEY = "portal:content-version"
SCOPE_VERSION_PREFIX = "portal:scope-version:"
FRAGMENT_SECONDS = 10 * 60

T = TypeVar("T")

# The version read by the current request is remembered for it (`request_memo`), so that
# its route, chrome and fragments cost one cache read; outside requests (tasks, shell) it is
# read each time. So are the scope versions its page read (scope → version): the whole-page
# cache (`page_cache`) keeps them beside the page, so renewing a scope drops that page too.
REQUEST_VERSION = "content-version"
REQUEST_SCOPES = "scope-versions"


def caching_enabled() -> bool:
    return settings.FRAGMENT_CACHE_ENABLED


def content_version() -> str:
    memo = request_memo.current()
    if memo and REQUEST_VERSION in memo:
        return memo[REQUEST_VERSION]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = bump_content_version()
    if memo is not None:
        memo[REQUEST_VERSION] = version
    return version


def bump_content_version() -> str:
    """A new content version, at once and again when the change commits: between the two,
    another worker may read the new version but still the old rows, and would keep the old
    rendering under the new version until its TTL."""
    version = _new_content_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_content_version)
    return version


def _new_content_version() -> str:
    version = str(time.time_ns())
    cache.set(VERSION_KEY, version, None)
    memo = request_memo.current()
    if memo is not None:
        memo[REQUEST_VERSION] = version
    return version


def scope_version(scope: str) -> str:
    """The version of what one page shows beyond the CMS content (a town's forum topics):
    its cache key includes it, so `signals.listed_rows_changed` renews only that page."""
    if not caching_enabled():
        return ""
    version = cache.get(f"{SCOPE_VERSION_PREFIX}{scope}")
    if version is None:
        version = bump_scope_version(scope)
    memo = request_memo.current()
    if memo is not None:
        memo.setdefault(REQUEST_SCOPES, {})[scope] = version
    return version


def scopes_read() -> dict[str, str]:
    """The scope versions the current request read so far (none outside requests)."""
    return dict((request_memo.current() or {}).get(REQUEST_SCOPES, {}))


def current_scope_versions(scopes: list[str]) -> dict[str, str | None]:
    """The current version of each scope, in one cache read (None for a scope whose version
    is gone: nothing kept under its previous one may be used)."""
    keys = {f"{SCOPE_VERSION_PREFIX}{scope}": scope for scope in scopes}
    found = cache.get_many(list(keys))
    return {scope: found.get(key) for key, scope in keys.items()}


def bump_scope_version(scope: str) -> str:
    version = str(time.time_ns())
    cache.set(f"{SCOPE_VERSION_PREFIX}{scope}", version, None)
    return version


def remember(key: str, compute: Callable[[], T], timeout: int = FRAGMENT_SECONDS) -> T:
    """`compute()`, kept under `key` until the content version changes (or `timeout`)."""
    if not caching_enabled():
        return compute()
    versioned_key = f"{key}:{content_version()}"
    value = cache.get(versioned_key)
    if value is None:
        value = compute()
        cache.set(versioned_key, value, timeout)
    return value


def lazy(compute: Callable[[], T]) -> T:
    """A value computed on first use only: skipped entirely when its fragment is cached."""
    return SimpleLazyObject(compute)  # type: ignore[return-value]
