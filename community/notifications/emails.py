"""Notification e-mails, each with a signed one-click unsubscribe for its kind."""

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from community.accounts import email_preferences

from .models import Kind

UNSUBSCRIBE_SALT = "community.notifications.unsubscribe"


def unsubscribe_token(user: Any, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in Kind.values:
        return None
    user_id = data.get("u")
    return (user_id, data["k"]) if isinstance(user_id, int) else None


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def wants_email(user: Any, kind: str) -> bool:
    """The member's choice for this kind; readers of the daily digest get no per-event mail."""
    if not email_preferences.wants_email(user, kind):
        return False
    return kind == Kind.DIGEST or not email_preferences.wants_email(user, Kind.DIGEST)


def build_message(
    user: Any, kind: str, subject: str, context: dict[str, Any]
) -> EmailMultiAlternatives:
    unsubscribe_url = absolute(
        reverse("notifications-unsubscribe", args=[unsubscribe_token(user, kind)])
    )
    context = {
        **context,
        "user": user,
        "kind_label": Kind(kind).label,
        "unsubscribe_url": unsubscribe_url,
        "site_url": absolute("/"),
    }
    message = EmailMultiAlternatives(
        subject=f"[Cœur de ville] {subject}",
        body=render_to_string("notifications/email/notification.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string("notifications/email/notification.html", context), "text/html"
    )
    return message
