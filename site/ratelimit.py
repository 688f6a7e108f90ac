"""Rate limits shared by every worker: fixed windows counted in the default cache.

Every public action that costs us or others something (signing up, logging in, posting,
reporting, subscribing, announcing) counts against a *scope* and a *key* (an account, an
address, an IP). Counters live in the default cache, so they hold across gunicorn workers
when it is Redis; the embedded default counts per process.

    try:
        ratelimit.hit("forum.post", f"user:{user.pk}", limit=10, period=60)
    except ratelimit.RateLimited as exc:
        return ratelimit.too_many_requests(render(request, "form.html", context), exc)

A view that refuses an action re-renders what the person typed with status 429 and a
`Retry-After` header; `limit_for` lets settings (and tests) tighten or relax each scope.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse


class RateLimited(Exception):
    """Raised when an action goes over its limit; says when it may be tried again."""

    def __init__(self, scope: str, retry_after: int) -> None:
        self.scope = scope
        self.retry_after = max(1, retry_after)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return (
            "Vous avez fait cette action trop souvent en peu de temps. "
            f"Veuillez réessayer dans {_french_delay(self.retry_after)}."
        )


def limit_for(scope: str, default: tuple[int, int]) -> tuple[int, int]:
    """The (limit, period in seconds) for a scope: `settings.RATELIMITS` overrides the default."""
    return getattr(settings, "RATELIMITS", {}).get(scope, default)


def hit(scope: str, key: str, *, limit: int, period: int) -> None:
    """Count one action of `key` in `scope`; raise `RateLimited` past `limit` per `period` s."""
    if not getattr(settings, "RATELIMIT_ENABLED", True):
        return
    now = time.time()
    window = int(now // period)
    cache_key = f"ratelimit:{scope}:{_digest(key)}:{window}"
    # add() creates the counter atomically only if absent; incr() is atomic on Redis.
    if cache.add(cache_key, 1, timeout=period + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add() and incr()
            cache.add(cache_key, 1, timeout=period + 1)
            count = 1
    if count > limit:
        raise RateLimited(scope, math.ceil((window + 1) * period - now))


def client_ip(request: HttpRequest) -> str:
    """The client's address as the proxy in front reports it, when one is trusted."""
    if getattr(settings, "TRUSTED_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The proxy appends the address it saw last: that one cannot be forged.
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def too_many_requests(response: HttpResponse, exc: RateLimited) -> HttpResponse:
    """Mark a response (usually the re-rendered form) as refused for now."""
    response.status_code = 429
    response["Retry-After"] = str(exc.retry_after)
    return response


def _digest(key: str) -> str:
    # Keys may hold e-mail addresses: keep them out of the cache in clear and bounded in size.
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _french_delay(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes > 1 else ''}"
    hours = math.ceil(minutes / 60)
    return f"{hours} heure{'s' if hours > 1 else ''}"
