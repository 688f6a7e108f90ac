"""Notification e-mails, each with the signed one-click unsubscribe of its kind
(`community.accounts.unsubscribe`)."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from community.accounts import email_preferences, unsubscribe

from .models import Kind


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
    unsubscribe_url = unsubscribe.unsubscribe_url(user, kind)
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
        headers=unsubscribe.unsubscribe_headers(user, kind),
    )
    message.attach_alternative(
        render_to_string("notifications/email/notification.html", context), "text/html"
    )
    return message
