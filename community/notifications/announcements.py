"""Announcements: staff write to the whole community, a region's members or a group; a
region's State referents write to the members of their own region(s)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet

from cms.territories.models import Region
from community import visibility
from community.directory.models import DirectoryEntry, GovernanceRole
from community.forum.markup import render_markdown
from community.groups.models import Membership

from .models import Announcement

STATE_ROLES = (GovernanceRole.STATE_REGION, GovernanceRole.STATE_DEPARTMENT)


def _is_staff(user: Any) -> bool:
    return visibility.is_member(user) and user.is_staff


def regions_for(user: Any) -> QuerySet:
    """The regions a member may write to: all of them for staff; for a State referent
    (regional or departmental, mandate current, entry linked to the account), the regions
    their directory entry covers, directly or through its departments and towns."""
    if _is_staff(user):
        return Region.objects.order_by("name")
    if not visibility.is_member(user):
        return Region.objects.none()
    entries = DirectoryEntry.objects.current().filter(user=user, role__in=STATE_ROLES)
    return (
        Region.objects.filter(
            Q(directory_entries__in=entries)
            | Q(departments__directory_entries__in=entries)
            | Q(departments__towns__directory_entries__in=entries)
        )
        .distinct()
        .order_by("name")
    )


def audiences_for(user: Any) -> list[str]:
    """The kinds of audience a member may choose, in the form's order."""
    if _is_staff(user):
        return list(Announcement.Audience.values)
    if regions_for(user).exists():
        return [Announcement.Audience.REGION]
    return []


def can_announce(user: Any) -> bool:
    return bool(audiences_for(user))


def region_members(region: Region) -> QuerySet:
    """Active accounts attached to the region: by their profile, or through a current
    directory entry covering the region, one of its departments or towns."""
    entries = DirectoryEntry.objects.current().filter(
        Q(regions=region) | Q(departments__region=region) | Q(towns__department__region=region)
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(region=region) | Q(directory_entry__in=entries))
        .distinct()
    )


def audience(announcement: Announcement) -> QuerySet:
    users = get_user_model().objects.filter(is_active=True)
    if announcement.audience == Announcement.Audience.GROUP:
        if not announcement.group_id:
            return users.none()
        return users.filter(
            Q(
                group_memberships__group_id=announcement.group_id,
                group_memberships__status=Membership.Status.ACTIVE,
            )
            | Q(coordinated_groups=announcement.group_id)
        ).distinct()
    if announcement.audience == Announcement.Audience.REGION:
        if not announcement.region_id:
            return users.none()
        return region_members(announcement.region)
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
        group=group if audience_kind == Announcement.Audience.GROUP else None,
        region=region if audience_kind == Announcement.Audience.REGION else None,
    )
    transaction.on_commit(lambda: tasks.deliver_announcement.delay(announcement.pk))
    return announcement
