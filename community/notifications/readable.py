"""A stored notification copies a post's title and excerpt when it is delivered; by the
time it is listed, digested or e-mailed the post may have been hidden, deleted or moved out
of the member's reach. These ask the one visibility rule again, in one query per batch."""

from collections.abc import Iterable
from typing import Any

from community import visibility

from .models import Notification

POST_EVENT = "post:"
WITHHELD_TITLE = "Message qui ne vous est plus accessible"


def _post_id(notification: Notification) -> int | None:
    if not notification.event.startswith(POST_EVENT):
        return None
    value = notification.event[len(POST_EVENT) :]
    return int(value) if value.isdecimal() and value.isascii() else None


def unreadable(user: Any, notifications: Iterable[Notification]) -> set[int]:
    """The ids of those notifications whose post `user` may no longer read."""
    post_ids = {n.pk: _post_id(n) for n in notifications}
    wanted = {post_id for post_id in post_ids.values() if post_id is not None}
    if not wanted:
        return set()
    readable = set(
        visibility.readable_posts(user).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    return {
        pk for pk, post_id in post_ids.items() if post_id is not None and post_id not in readable
    }


def still_readable(user: Any, notifications: list[Notification]) -> list[Notification]:
    hidden = unreadable(user, notifications)
    return [n for n in notifications if n.pk not in hidden]


def mark_withheld(user: Any, notifications: list[Notification]) -> list[Notification]:
    """Flag (``withheld``) the notifications to show without their title, excerpt or link."""
    hidden = unreadable(user, notifications)
    for notification in notifications:
        notification.withheld = notification.pk in hidden  # type: ignore[attr-defined]
    return notifications
