"""Bounces and complaints reported by the mail provider (django-anymail's normalised events).

A hard bounce or a complaint suppresses the address at once; soft bounces (deferrals)
suppress it after NEWSLETTER_SOFT_BOUNCE_LIMIT in a row, a delivery resets the count.
"""

import re

from anymail.signals import AnymailTrackingEvent, EventType, RejectReason, tracking
from django.conf import settings
from django.db.models import F
from django.dispatch import receiver

from .models import Delivery, Subscriber
from .subscriptions import suppress, unsubscribe

MESSAGE_ID = re.compile(r"<?lettre\.(\d{1,18})\.(\d{1,18})\.([0-9a-f]{16})@[^>]+>?")
HARD_REJECTIONS = {
    RejectReason.BOUNCED,
    RejectReason.INVALID,
    RejectReason.SPAM,
    RejectReason.TIMED_OUT,
    RejectReason.BLOCKED,
}


def _mark_delivery(message_id: str | None) -> None:
    from .mime import message_id as expected

    match = MESSAGE_ID.fullmatch((message_id or "").strip())
    if not match:
        return
    issue_id, subscriber_id = int(match[1]), int(match[2])
    # Only our own Message-IDs count: the digest is signed with the secret key.
    if not expected(issue_id, subscriber_id, "x").startswith(
        f"<lettre.{issue_id}.{subscriber_id}.{match[3]}@"
    ):
        return
    Delivery.objects.filter(issue_id=issue_id, subscriber_id=subscriber_id).update(bounced=True)


def handle_event(event: AnymailTrackingEvent) -> None:
    email = (event.recipient or "").strip().lower()
    subscriber = Subscriber.objects.filter(email=email).first() if email else None
    if subscriber is None:
        return
    kind = event.event_type
    if kind == EventType.COMPLAINED:
        suppress(subscriber, "plainte pour courriel indésirable")
    elif kind == EventType.BOUNCED or (
        kind == EventType.REJECTED and event.reject_reason in HARD_REJECTIONS
    ):
        _mark_delivery(event.message_id)
        suppress(
            subscriber,
            f"rebond définitif : {(event.description or event.mta_response or '')[:150]}",
        )
    elif kind == EventType.REJECTED and event.reject_reason == RejectReason.UNSUBSCRIBED:
        unsubscribe(subscriber.pk, source="fournisseur d’envoi")
    elif kind == EventType.DEFERRED:
        Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=F("soft_bounces") + 1)
        subscriber.refresh_from_db(fields=["soft_bounces"])
        if subscriber.soft_bounces >= settings.NEWSLETTER_SOFT_BOUNCE_LIMIT:
            _mark_delivery(event.message_id)
            suppress(subscriber, f"{subscriber.soft_bounces} rebonds temporaires successifs")
    elif kind == EventType.DELIVERED and subscriber.soft_bounces:
        Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=0)


@receiver(tracking, dispatch_uid="newsletter.bounces")
def on_tracking(sender, event: AnymailTrackingEvent, esp_name: str, **kwargs) -> None:
    handle_event(event)
