"""Turning forum events and announcements into notifications, after the transaction commits.

Recipients are filtered by the one visibility rule (`community.visibility`): nobody is told
about a post they may not read, mentions included. A unique constraint on (member, event)
makes every delivery idempotent: a retried task creates and sends nothing twice.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from community import visibility

from .models import Follow, Kind, Notification


def post_created(post: Any) -> None:
    """Called inside the posting transaction: the task runs once it has committed."""
    from . import tasks

    post_id = post.pk
    transaction.on_commit(lambda: tasks.deliver_post.delay(post_id))


def recipients_for_post(post: Any) -> dict[Any, str]:
    """Members to notify about `post`, each with the kind of notification."""
    from community.forum.mentions import mentioned_handles, resolve

    topic = post.topic
    category = topic.category
    follows = Q(topic=topic) | Q(category=category)
    if category.group_id:
        follows |= Q(group_id=category.group_id)
    user_ids = set(Follow.objects.filter(follows).values_list("user_id", flat=True))
    users = {
        user.pk: user for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    }
    kinds: dict[int, str] = dict.fromkeys(users, Kind.REPLY)
    found, _missing = resolve(mentioned_handles(post.body))
    for matches in found.values():
        for user in matches:
            users.setdefault(user.pk, user)
            kinds[user.pk] = Kind.MENTION
    return {
        users[pk]: kind
        for pk, kind in kinds.items()
        if pk != post.author_id and visibility.can_read_post(users[pk], post)
    }


def notify(users: dict[Any, str], *, event: str, title: str, text: str, url: str) -> list[int]:
    """Create one notification per member for `event`; returns the ids created now."""
    Notification.objects.bulk_create(
        [
            Notification(user=user, kind=kind, event=event, title=title, text=text, url=url)
            for user, kind in users.items()
        ],
        ignore_conflicts=True,
    )
    return list(
        Notification.objects.filter(event=event, emailed_at__isnull=True, digested_at__isnull=True)
        .filter(user__in=[user.pk for user in users])
        .values_list("pk", flat=True)
    )
