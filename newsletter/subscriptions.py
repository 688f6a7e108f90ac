"""Subscribing with double opt-in, confirming, unsubscribing: the rules, without the views."""

import enum

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .consent import CURRENT_CONSENT_VERSION
from .links import confirmation_url, preferences_url
from .models import ConsentRecord, Subscriber
from .tokens import InvalidLink, read_confirmation_token

Status = Subscriber.Status


def normalise_email(email: str) -> str:
    return email.strip().lower()


def request_subscription(email: str, *, source: str, topic_ids: list[int] | None = None) -> None:
    """Record the request and mail a confirmation link; known and new addresses look alike.

    An active subscriber gets a mail pointing to the preferences page instead, and a
    suppressed address (hard bounce, complaint) gets nothing: mailing it again would hurt
    the sender's reputation. The caller shows the same answer in every case.
    """
    from .tasks import send_confirmation_mail

    email = normalise_email(email)
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=email)
        if subscriber.status == Status.SUPPRESSED:
            return
        if subscriber.status == Status.ACTIVE:
            record_id = None
        else:
            if subscriber.status == Status.UNSUBSCRIBED:
                subscriber.status = Status.PENDING
                subscriber.save(update_fields=["status"])
            if topic_ids is not None:
                subscriber.topics.set(topic_ids)
            record_id = ConsentRecord.objects.create(
                subscriber=subscriber,
                kind=ConsentRecord.Kind.REQUESTED,
                email=email,
                wording_version=CURRENT_CONSENT_VERSION,
                source=source[:500],
            ).pk
        transaction.on_commit(lambda: send_confirmation_mail.delay(subscriber.pk, record_id))


def confirmation_message(subscriber: Subscriber, record_id: int | None) -> tuple[str, str]:
    """Subject and body of the opt-in mail (or of the "already subscribed" reminder)."""
    if record_id is None:
        return (
            "Vous êtes déjà abonné à la lettre d’information Cœur de ville",
            "Bonjour,\n\nUne demande d’abonnement a été faite avec cette adresse, qui est déjà "
            "abonnée à la lettre d’information du programme Action cœur de ville.\n\n"
            f"Pour choisir les axes et thèmes qui vous intéressent :\n{preferences_url(subscriber.pk)}\n\n"
            "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.\n",
        )
    return (
        "Confirmez votre abonnement à la lettre d’information Cœur de ville",
        "Bonjour,\n\nPour recevoir chaque mois la lettre d’information du programme "
        "Action cœur de ville, confirmez votre abonnement en ouvrant ce lien (valable 7 jours) "
        f"puis en cliquant sur « Confirmer mon abonnement » :\n{confirmation_url(record_id)}\n\n"
        "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : "
        "vous ne serez pas abonné.\n",
    )


def send_confirmation(subscriber_id: int, record_id: int | None) -> None:
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    subject, body = confirmation_message(subscriber, record_id)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [subscriber.email])


class Confirmation(enum.Enum):
    CONFIRMED = "confirmed"
    ALREADY = "already"


def pending_request(token: str) -> ConsentRecord:
    """The request a confirmation link points to; InvalidLink if forged or expired."""
    record_id = read_confirmation_token(token)
    record = (
        ConsentRecord.objects.select_related("subscriber")
        .filter(pk=record_id, kind=ConsentRecord.Kind.REQUESTED)
        .first()
    )
    if record is None:
        raise InvalidLink("Ce lien de confirmation n’est pas valide.")
    return record


def confirm(token: str, *, source: str = "") -> Confirmation:
    """Confirm the request behind `token`, once; a second use changes nothing."""
    request_record = pending_request(token)
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().get(pk=request_record.subscriber_id)
            if ConsentRecord.objects.filter(confirms=request_record).exists():
                return Confirmation.ALREADY
            if subscriber.status != Status.PENDING:
                # Unsubscribed or suppressed since the request: an old link must not revive it.
                return Confirmation.ALREADY
            now = timezone.now()
            ConsentRecord.objects.create(
                subscriber=subscriber,
                kind=ConsentRecord.Kind.CONFIRMED,
                email=subscriber.email,
                recorded_at=now,
                wording_version=request_record.wording_version,
                source=source[:500],
                confirms=request_record,
            )
            subscriber.status = Status.ACTIVE
            subscriber.confirmed_at = now
            subscriber.unsubscribed_at = None
            subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    except IntegrityError:  # a concurrent click confirmed it first
        return Confirmation.ALREADY
    return Confirmation.CONFIRMED


def unsubscribe(subscriber_id: int, *, source: str, issue_id: int | None = None) -> bool:
    """Stop all mail to this subscriber; False when there was nothing to stop."""
    from .models import Delivery

    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        if subscriber is None or subscriber.status in {Status.UNSUBSCRIBED, Status.SUPPRESSED}:
            return False
        subscriber.status = Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        ConsentRecord.objects.create(
            subscriber=subscriber,
            kind=ConsentRecord.Kind.WITHDRAWN,
            email=subscriber.email,
            wording_version=CURRENT_CONSENT_VERSION,
            source=source[:500],
        )
        deliveries = Delivery.objects.filter(subscriber=subscriber)
        if issue_id is not None:
            deliveries.filter(issue_id=issue_id).update(unsubscribed=True)
        else:
            latest = deliveries.filter(status=Delivery.Status.SENT).order_by("-sent_at").first()
            if latest:
                Delivery.objects.filter(pk=latest.pk).update(unsubscribed=True)
        # Rows of a send in progress that have not gone out yet are dropped.
        deliveries.filter(status=Delivery.Status.PENDING).update(status=Delivery.Status.SKIPPED)
    return True


def suppress(subscriber: Subscriber, reason: str) -> None:
    """Stop mailing an address the mail system rejects or that complained."""
    from .models import Delivery

    with transaction.atomic():
        locked = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if locked.status == Status.SUPPRESSED:
            return
        locked.status = Status.SUPPRESSED
        locked.suppressed_reason = reason[:200]
        locked.save(update_fields=["status", "suppressed_reason"])
        ConsentRecord.objects.create(
            subscriber=locked,
            kind=ConsentRecord.Kind.SUPPRESSED,
            email=locked.email,
            wording_version=CURRENT_CONSENT_VERSION,
            source=reason[:500],
        )
        Delivery.objects.filter(subscriber=locked, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SKIPPED
        )
