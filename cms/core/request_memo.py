"""Values computed at most once per request, then forgotten.

Several parts of one page ask the same question of the database (which paths are under a
view restriction…). `per_request(key, compute)` answers it once for the request being
served and drops the answer when the request ends, so it never outlives what it read: this
is not a cache, and `FRAGMENT_CACHE_ENABLED = False` leaves it on. Outside a request
(tasks, shell, tests calling code directly) every call computes afresh.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.signals import request_finished, request_started

T = TypeVar("T")

_memo: ContextVar[dict[str, Any] | None] = ContextVar("portal_request_memo", default=None)


def _start_request(**kwargs: Any) -> None:
    _memo.set({})


def _finish_request(**kwargs: Any) -> None:
    _memo.set(None)


request_started.connect(_start_request, dispatch_uid="cdv-request-memo-start")
request_finished.connect(_finish_request, dispatch_uid="cdv-request-memo-finish")


def per_request(key: str, compute: Callable[[], T]) -> T:
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def current() -> dict[str, Any] | None:
    """The values remembered for the request being served (None outside requests), for
    callers that update them as the request goes (`fragments.content_version`)."""
    return _memo.get()


def forget(key: str) -> None:
    """Drops a remembered value: the request itself changed what it depends on."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)
