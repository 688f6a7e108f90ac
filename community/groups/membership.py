"""Joining and leaving working groups: open groups at once, closed ones on request."""

from typing import Any

from django.db import transaction

from community import visibility

from .models import Membership, WorkingGroup


@transaction.atomic
def join(group: WorkingGroup, user: Any) -> Membership:
    status = Membership.Status.ACTIVE if group.is_open else Membership.Status.PENDING
    membership, _created = Membership.objects.get_or_create(
        group=group, user=user, defaults={"status": status}
    )
    visibility.forget_groups(user)
    return membership


@transaction.atomic
def leave(group: WorkingGroup, user: Any) -> None:
    Membership.objects.filter(group=group, user=user).delete()
    visibility.forget_groups(user)


@transaction.atomic
def decide(membership: Membership, *, accept: bool, by: Any) -> None:
    if accept:
        Membership.objects.filter(pk=membership.pk).update(
            status=Membership.Status.ACTIVE, decided_by=by
        )
    else:
        membership.delete()
