"""Moderator actions: each one is recorded in Wagtail's audit log (`log_action`)."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import search_source
from .models import Post, Report, Suspension, Topic

ACTIONS = {
    "forum.pin": "Épinglage d’un sujet",
    "forum.unpin": "Désépinglage d’un sujet",
    "forum.lock": "Verrouillage d’un sujet",
    "forum.unlock": "Déverrouillage d’un sujet",
    "forum.hide": "Masquage d’un message",
    "forum.restore": "Rétablissement d’un message",
    "forum.delete": "Suppression d’un message",
    "forum.dismiss": "Classement des signalements d’un message",
    "forum.suspend": "Suspension d’un membre",
    "forum.answer": "Choix de la réponse d’un sujet",
}

TOPIC_FLAGS = {
    "pin": ("is_pinned", True, "forum.pin"),
    "unpin": ("is_pinned", False, "forum.unpin"),
    "lock": ("is_locked", True, "forum.lock"),
    "unlock": ("is_locked", False, "forum.unlock"),
}


@transaction.atomic
def set_topic_flag(topic: Topic, action: str, *, by: Any) -> None:
    field, value, log_action = TOPIC_FLAGS[action]
    Topic.objects.filter(pk=topic.pk).update(**{field: value})
    setattr(topic, field, value)
    search_source.topic_changed(topic)
    log(topic, log_action, user=by)


@transaction.atomic
def hide_post(post: Post, *, by: Any) -> None:
    Post.objects.filter(pk=post.pk).update(is_hidden=True)
    Report.objects.filter(post=post, resolved_at__isnull=True).update(resolved_at=timezone.now())
    search_source.post_changed(post)
    log(post, "forum.hide", user=by)


@transaction.atomic
def restore_post(post: Post, *, by: Any) -> None:
    """Reports judged unfounded: the post shows again and its reports are closed."""
    Post.objects.filter(pk=post.pk).update(is_hidden=False)
    Report.objects.filter(post=post, resolved_at__isnull=True).update(resolved_at=timezone.now())
    search_source.post_changed(post)
    log(post, "forum.restore" if post.is_hidden else "forum.dismiss", user=by)


@transaction.atomic
def suspend(user: Any, *, days: int, reason: str, by: Any) -> Suspension:
    suspension = Suspension.objects.create(
        user=user, until=timezone.now() + timedelta(days=days), reason=reason, created_by=by
    )
    user.__dict__.pop("_forum_suspended", None)  # `visibility.is_suspended` reads again
    log(suspension, "forum.suspend", user=by)
    return suspension
