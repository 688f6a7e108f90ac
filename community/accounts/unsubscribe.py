"""Signed one-click unsubscribe links, one per member and kind of e-mail.

Every community e-mail carries ``unsubscribe_url(user, kind)`` in its footer and in the
``List-Unsubscribe`` header (with ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``,
RFC 8058): see ``unsubscribe_headers``. The link needs no login: its signature names the
member and the kind, and all it can do is turn that one kind of e-mail off.
"""

from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "community.accounts.unsubscribe"


def make_token(user: Any, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) from a valid token; None for anything forged or garbled."""
    try:
        data = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    if not isinstance(data.get("k"), str):
        return None
    return data["u"], data["k"]


def unsubscribe_url(user: Any, kind: str) -> str:
    path = reverse("account_unsubscribe", args=[make_token(user, kind)])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def unsubscribe_headers(user: Any, kind: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, kind)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
