"""Absolute URLs of the newsletter's public pages, for mails (no request at send time)."""

from django.conf import settings
from django.urls import reverse

from .tokens import confirmation_token, subscriber_token


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirmation_url(request_id: int) -> str:
    return absolute(reverse("newsletter:confirm", args=[confirmation_token(request_id)]))


def unsubscribe_url(subscriber_id: int) -> str:
    return absolute(reverse("newsletter:unsubscribe", args=[subscriber_token(subscriber_id)]))


def preferences_url(subscriber_id: int) -> str:
    token = subscriber_token(subscriber_id, purpose="preferences")
    return absolute(reverse("newsletter:preferences", args=[token]))
