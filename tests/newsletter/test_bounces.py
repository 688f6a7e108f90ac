"""Bounces and complaints from the mail provider suppress addresses (anymail events)."""

import base64
import json

import pytest
from anymail.signals import AnymailTrackingEvent, EventType, tracking

from newsletter import sending
from newsletter.mime import message_id
from newsletter.models import Delivery, Subscriber

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


def event(kind: str, email: str, **extra) -> None:
    tracking.send(
        sender=object,
        event=AnymailTrackingEvent(event_type=kind, recipient=email, **extra),
        esp_name="Test",
    )


def test_hard_bounce_and_complaint_suppress_at_once(db):
    first, second, third = make_subscribers(3)
    event(EventType.BOUNCED, first.email, description="5.1.1 user unknown")
    event(EventType.COMPLAINED, second.email)
    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert statuses[first.email] == Subscriber.Status.SUPPRESSED
    assert statuses[second.email] == Subscriber.Status.SUPPRESSED
    assert statuses[third.email] == Subscriber.Status.ACTIVE


def test_soft_bounces_suppress_after_the_limit_and_delivery_resets(settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 3
    (subscriber,) = make_subscribers(1)
    event(EventType.DEFERRED, subscriber.email)
    event(EventType.DEFERRED, subscriber.email)
    event(EventType.DELIVERED, subscriber.email)
    event(EventType.DEFERRED, subscriber.email)
    event(EventType.DEFERRED, subscriber.email)
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE
    event(EventType.DEFERRED, subscriber.email)
    assert Subscriber.objects.get().status == Subscriber.Status.SUPPRESSED


def test_suppressed_addresses_receive_nothing(issue, smtpd):
    kept, bounced = make_subscribers(2)
    event(EventType.BOUNCED, bounced.email)
    sending.start_send(issue.pk)
    assert smtpd.recipients() == [kept.email]


def test_bounce_is_counted_on_the_issue_it_answers(issue):
    (subscriber,) = make_subscribers(1)
    Delivery.objects.create(issue=issue, subscriber=subscriber, status=Delivery.Status.SENT)
    event(
        EventType.BOUNCED, subscriber.email, message_id=message_id(issue.pk, subscriber.pk, "x.fr")
    )
    assert Delivery.objects.get().bounced is True


def test_a_forged_message_id_marks_nothing(issue):
    (subscriber,) = make_subscribers(1)
    Delivery.objects.create(issue=issue, subscriber=subscriber, status=Delivery.Status.SENT)
    event(
        EventType.BOUNCED,
        subscriber.email,
        message_id=f"<lettre.{issue.pk}.{subscriber.pk}.0000000000000000@x>",
    )
    assert Delivery.objects.get().bounced is False


def test_provider_webhook_with_basic_auth(client, settings):
    """A real ESP payload (Postmark's bounce webhook) through anymail's view."""
    settings.ANYMAIL = {"WEBHOOK_SECRET": "lettre:secret"}
    (subscriber,) = make_subscribers(1)
    payload = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": subscriber.email,
        "BouncedAt": "2026-11-25T10:00:00Z",
        "Description": "The server was unable to deliver your message",
        "Details": "smtp;550 5.1.1 user unknown",
    }
    refused = client.post(
        "/anymail/postmark/tracking/", json.dumps(payload), content_type="application/json"
    )
    assert refused.status_code in {400, 401, 403}
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE
    auth = "Basic " + base64.b64encode(b"lettre:secret").decode()
    response = client.post(
        "/anymail/postmark/tracking/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=auth,
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.SUPPRESSED
