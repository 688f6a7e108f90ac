"""Writing to the forum: topics, replies, edits, deletions and reports.

Each function runs in one transaction; notifications leave after it commits
(`community.notifications.delivery`). Forum rows are not "shared data" of the CMS
(`cms.core.signals`): posting never bumps the content version of cached CMS pages; a topic
renamed or deleted renews its town's page alone (`_town_pages_changed`).
"""

import uuid
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cms.core.signals import listed_rows_changed
from cms.programme.models import topic_scope as programme_topic_scope
from cms.territories.models import town_scope

from . import search_source
from .markup import render_markdown
from .models import Attachment, Category, Post, PostRevision, Report, Topic

REPORT_THRESHOLD_DEFAULT = 3


class DuplicateSubmission(Exception):
    """The same form was sent twice: the first post stands."""

    def __init__(self, post: Post) -> None:
        self.post = post
        super().__init__("duplicate submission")


# An upload and the content type the form checked it against (`forms.checked_type`).
CheckedFile = tuple[UploadedFile, str]


def _save_attachments(post: Post, files: list[CheckedFile]) -> None:
    for upload, content_type in files:
        Attachment.objects.create(
            post=post,
            file=upload,
            name=upload.name[:200],
            content_type=content_type,
            size=upload.size,
        )


@transaction.atomic
def create_topic(
    *,
    category: Category,
    author: Any,
    title: str,
    body: str,
    submission_key: uuid.UUID | None = None,
    files: list[CheckedFile] = (),  # type: ignore[assignment]
    town: Any = None,
    subject: Any = None,
) -> Topic:
    existing = _existing(submission_key)
    if existing:
        raise DuplicateSubmission(existing)
    now = timezone.now()
    topic = Topic.objects.create(
        category=category,
        title=title,
        author=author,
        created_at=now,
        last_post_at=now,
        town=town,
        subject=subject,
    )
    _add_post(topic, author, body, submission_key, files, now)
    _follow(author, topic)
    if town is not None or subject is not None:
        _listing_pages_changed(topic.pk)
    return topic


@transaction.atomic
def create_reply(
    *,
    topic: Topic,
    author: Any,
    body: str,
    submission_key: uuid.UUID | None = None,
    files: list[CheckedFile] = (),  # type: ignore[assignment]
) -> Post:
    existing = _existing(submission_key)
    if existing:
        raise DuplicateSubmission(existing)
    # The row lock serialises replies to one topic, so numbers never collide.
    Topic.objects.select_for_update().filter(pk=topic.pk).first()
    post = _add_post(topic, author, body, submission_key, files, timezone.now())
    _follow(author, topic)
    return post


def _existing(submission_key: uuid.UUID | None) -> Post | None:
    if submission_key is None:
        return None
    return Post.objects.filter(submission_key=submission_key).select_related("topic").first()


def _add_post(
    topic: Topic,
    author: Any,
    body: str,
    submission_key: uuid.UUID | None,
    files: list[CheckedFile],
    now: Any,
) -> Post:
    from community.notifications.delivery import post_created

    number = (
        Post.objects.filter(topic=topic)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
        or 0
    ) + 1
    try:
        with transaction.atomic():
            post = Post.objects.create(
                topic=topic,
                number=number,
                author=author,
                body=body,
                html=render_markdown(body),
                created_at=now,
                submission_key=submission_key,
            )
    except IntegrityError:
        existing = _existing(submission_key)
        if existing:
            raise DuplicateSubmission(existing) from None
        raise
    _save_attachments(post, list(files))
    Topic.objects.filter(pk=topic.pk).update(post_count=F("post_count") + 1, last_post_at=now)
    post_created(post)
    return post


def _follow(user: Any, topic: Topic) -> None:
    from community.notifications.models import Follow

    if user is None:
        return
    Follow.objects.get_or_create(user=user, topic=topic)


@transaction.atomic
def edit_post(post: Post, *, editor: Any, body: str, title: str | None = None) -> Post:
    """Keeps the earlier version (moderators read the history)."""
    PostRevision.objects.create(post=post, body=post.body, html=post.html, edited_by=editor)
    post.body = body
    post.html = render_markdown(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "html", "edited_at"])
    if title and post.number == 1 and title != post.topic.title:
        Topic.objects.filter(pk=post.topic_id).update(title=title)
        _listing_pages_changed(post.topic_id)
        search_source.topic_changed(post.topic)
    return post


def _listing_pages_changed(topic_id: int) -> None:
    """Town and axis pages are cached for everyone and list their recent public topics: a
    new, deleted or renamed topic must show on (or leave) its town's and its axis's pages at
    once; no other page changes."""
    town_id, subject_id = Topic.objects.filter(pk=topic_id).values_list(
        "town_id", "subject_id"
    ).first() or (None, None)
    scopes = [town_scope(town_id)] if town_id is not None else []
    if subject_id is not None:
        scopes.append(programme_topic_scope(subject_id))
    if scopes:
        transaction.on_commit(lambda: listed_rows_changed.send(Topic, scopes=scopes))


@transaction.atomic
def delete_post(post: Post, *, by: Any) -> None:
    """Soft delete: the post stays as a « message supprimé » placeholder; the first post of a
    topic takes the topic with it."""
    Post.objects.filter(pk=post.pk).update(is_deleted=True)
    if post.number == 1:
        Topic.objects.filter(pk=post.topic_id).update(is_deleted=True)
        _listing_pages_changed(post.topic_id)
    search_source.post_changed(post)


def report_threshold() -> int:
    return getattr(settings, "FORUM_REPORT_THRESHOLD", REPORT_THRESHOLD_DEFAULT)


@transaction.atomic
def report_post(post: Post, *, reporter: Any, reason: str) -> bool:
    """False when this member already reported this post. Hides it past the threshold."""
    try:
        with transaction.atomic():
            Report.objects.create(post=post, reporter=reporter, reason=reason)
    except IntegrityError:
        return False
    Post.objects.filter(pk=post.pk).update(report_count=F("report_count") + 1)
    post.refresh_from_db(fields=["report_count", "is_hidden"])
    if post.report_count >= report_threshold() and not post.is_hidden:
        Post.objects.filter(pk=post.pk).update(is_hidden=True)
        post.is_hidden = True
        search_source.post_changed(post)
    return True
