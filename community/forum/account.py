"""What the forum, the groups and the notifications add to « Mon compte »: sections, the
personal-data export and the erasure on account deletion."""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from community import visibility
from community.accounts import account_sections, personal_data
from community.accounts.personal_data import iso
from community.groups.models import Membership
from community.notifications.models import Follow, Notification
from community.notifications.readable import WITHHELD_TITLE, mark_withheld

from .models import Category, Post, ReadMarker, Report


def _my_groups(request: HttpRequest) -> dict[str, Any]:
    memberships = Membership.objects.filter(user=request.user).select_related("group")
    return {"memberships": list(memberships)}


def _my_posts(request: HttpRequest) -> dict[str, Any]:
    # Only what the member may still read: not the topics of a group they have left.
    posts = (
        visibility.readable_posts(request.user)
        .filter(author=request.user, is_deleted=False, topic__is_deleted=False)
        .select_related("topic")
        .order_by("-created_at")[:10]
    )
    return {"posts": list(posts)}


def readable_follows(user: Any) -> QuerySet:
    """The member's follows whose topic or category they may still read."""
    return (
        Follow.objects.filter(user=user)
        .filter(Q(topic__isnull=True) | Q(topic__in=visibility.readable_topics(user)))
        .filter(
            Q(category__isnull=True)
            | Q(category__in=Category.objects.filter(visibility.readable_categories_q(user)))
        )
    )


def _my_follows(request: HttpRequest) -> dict[str, Any]:
    follows = readable_follows(request.user).select_related("topic", "category", "group")
    return {"follows": list(follows)}


def _my_notifications(request: HttpRequest) -> dict[str, Any]:
    notifications = Notification.objects.filter(user=request.user)
    return {
        "notifications": mark_withheld(
            request.user, list(notifications.order_by("-created_at")[:5])
        ),
        "unread": notifications.filter(read_at__isnull=True).count(),
    }


def export(user: Any) -> dict[str, Any]:
    return {
        "groupes": [
            {"groupe": m.group.title, "statut": m.get_status_display(), "depuis": iso(m.created_at)}
            for m in Membership.objects.filter(user=user).select_related("group")
        ],
        "messages": [
            {
                "sujet": post.topic.title,
                "numero": post.number,
                "texte": post.body,
                "ecrit_le": iso(post.created_at),
                "modifie_le": iso(post.edited_at),
                "supprime": post.is_deleted,
            }
            for post in Post.objects.filter(author=user).select_related("topic").order_by("pk")
        ],
        "abonnements": [str(follow.target) for follow in readable_follows(user)],
        "signalements": [
            {"message": report.post_id, "motif": report.reason, "le": iso(report.created_at)}
            for report in Report.objects.filter(reporter=user)
        ],
        "notifications": [
            {"titre": WITHHELD_TITLE, "adresse": None, "le": iso(n.created_at)}
            if n.withheld
            else {"titre": n.title, "adresse": n.url, "le": iso(n.created_at)}
            for n in mark_withheld(
                user, list(Notification.objects.filter(user=user).order_by("pk"))
            )
        ],
    }


def erase(user: Any) -> None:
    """Posts stay readable, signed « Compte supprimé » (their author is set to NULL when the
    account row goes); what only concerns the member goes now."""
    for model in (Follow, Notification, ReadMarker, Membership):
        model.objects.filter(user=user).delete()
    Report.objects.filter(reporter=user).delete()


def register() -> None:
    account_sections.register(
        "Mes groupes de travail", "forum/account/groups.html", _my_groups, order=20
    )
    account_sections.register(
        "Mes sujets et réponses", "forum/account/posts.html", _my_posts, order=30
    )
    account_sections.register("Ce que je suis", "forum/account/follows.html", _my_follows, order=35)
    account_sections.register(
        "Mes notifications", "forum/account/notifications.html", _my_notifications, order=10
    )
    personal_data.register_exporter("communaute", export)
    personal_data.register_eraser(erase)
