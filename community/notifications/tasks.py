"""Celery tasks: deliver a post's notifications, an announcement's, and the daily digest."""

from datetime import timedelta

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from community.forum.names import public_name

from . import delivery, emails
from .models import Announcement, Kind, Notification
from .readable import still_readable


def _send(notification_ids: list[int]) -> int:
    """E-mail each notification once: a row is claimed before its mail is built."""
    sent = 0
    messages = []
    for notification in Notification.objects.filter(pk__in=notification_ids).select_related("user"):
        # Opted out, or reading the digest: the row stays for the digest to pick up.
        if not emails.wants_email(notification.user, notification.kind):
            continue
        # Hidden or moved out of reach between delivery and sending: no e-mail.
        if not still_readable(notification.user, [notification]):
            continue
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed:
            continue
        messages.append(
            emails.build_message(
                notification.user,
                notification.kind,
                notification.title,
                {"notifications": [notification], "url": emails.absolute(notification.url)},
            )
        )
    if messages:
        sent = get_connection().send_messages(messages) or 0
    return sent


@shared_task(acks_late=True)
def deliver_post(post_id: int) -> int:
    from community.forum.models import Post

    post = Post.objects.select_related("topic__category", "author").filter(pk=post_id).first()
    if post is None or not post.is_visible or post.topic.is_deleted:
        return 0
    recipients = delivery.recipients_for_post(post)
    author = public_name(post.author)
    ids = delivery.notify(
        recipients,
        event=f"post:{post.pk}",
        title=f"{author} dans « {post.topic.title} »",
        text=strip_tags(post.html)[:500],
        url=post.get_absolute_url(),
    )
    return _send(ids)


@shared_task(acks_late=True)
def deliver_announcement(announcement_id: int) -> int:
    from .announcements import audience

    announcement = Announcement.objects.filter(pk=announcement_id).first()
    if announcement is None:
        return 0
    users = dict.fromkeys(audience(announcement), Kind.ANNOUNCEMENT)
    ids = delivery.notify(
        users,
        event=f"announcement:{announcement.pk}",
        title=announcement.title,
        text=strip_tags(announcement.html)[:2000],
        url=f"/notifications/#annonce-{announcement.pk}",
    )
    return _send(ids)


@shared_task
def send_daily_digest() -> int:
    """One e-mail per digest subscriber with the day's notifications they may still read."""
    since = timezone.now() - timedelta(days=1)
    sent = 0
    readers = get_user_model().objects.filter(
        email_preferences__kind=Kind.DIGEST, email_preferences__enabled=True
    )
    for user in readers:
        if not emails.wants_email(user, Kind.DIGEST):
            continue
        with transaction.atomic():
            pending = list(
                Notification.objects.select_for_update().filter(
                    user=user,
                    created_at__gte=since,
                    digested_at__isnull=True,
                    emailed_at__isnull=True,
                )
            )
            readable = still_readable(user, pending)
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
                digested_at=timezone.now()
            )
        if readable:
            message = emails.build_message(
                user,
                Kind.DIGEST,
                "Votre résumé quotidien",
                {"notifications": readable, "url": emails.absolute("/notifications/")},
            )
            sent += message.send()
    return sent
