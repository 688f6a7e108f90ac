"""Announcements: staff write to the whole community, a region's members or a group."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet

from community import visibility
from community.forum.markup import render_markdown
from community.groups.models import Membership

from .models import Announcement


def can_announce(
    user: Any, audience: str = Announcement.Audience.EVERYONE, region: Any = None
) -> bool:
    return visibility.is_member(user) and user.is_staff


def audience(announcement: Announcement) -> QuerySet:
    users = get_user_model().objects.filter(is_active=True)
    if announcement.audience == Announcement.Audience.GROUP and announcement.group_id:
        return users.filter(
            Q(
                group_memberships__group_id=announcement.group_id,
                group_memberships__status=Membership.Status.ACTIVE,
            )
            | Q(coordinated_groups=announcement.group_id)
        ).distinct()
    if announcement.audience == Announcement.Audience.REGION:
        return users.none()
    return users


@transaction.atomic
def send(
    *, author: Any, audience_kind: str, title: str, body: str, group: Any = None, region: Any = None
) -> Announcement:
    from . import tasks

    announcement = Announcement.objects.create(
        author=author,
        audience=audience_kind,
        title=title,
        body=body,
        html=render_markdown(body),
        group=group,
        region=region,
    )
    transaction.on_commit(lambda: tasks.deliver_announcement.delay(announcement.pk))
    return announcement
