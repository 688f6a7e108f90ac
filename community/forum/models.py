"""The forum: categories (one per working group plus general ones), topics and posts,
their edit history, attachments, reports, read markers and member suspensions."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from community.groups.models import Visibility

POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 30


class Category(models.Model):
    title = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant d’URL", max_length=120, unique=True)
    description = models.TextField("description", blank=True)
    group = models.OneToOneField(
        "groups.WorkingGroup",
        verbose_name="groupe de travail",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="category",
    )
    visibility = models.CharField(
        "visibilité",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text="« Réservé » : membres du groupe pour un groupe, membres connectés sinon.",
    )
    position = models.PositiveSmallIntegerField("ordre", default=100)

    class Meta:
        verbose_name = "catégorie du forum"
        verbose_name_plural = "catégories du forum"
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum-category", kwargs={"slug": self.slug})


class Topic(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField("titre", max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now)
    post_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField("épinglé", default=False)
    is_locked = models.BooleanField("verrouillé", default=False)
    is_deleted = models.BooleanField("supprimé", default=False)
    answer = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    town = models.ForeignKey(
        "territories.Town",
        verbose_name="ville",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    subject = models.ForeignKey(
        "programme.Topic",
        verbose_name="axe ou thème",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )

    class Meta:
        verbose_name = "sujet"
        verbose_name_plural = "sujets"
        indexes = [
            # The category page: its live topics in their order (no sort step, whatever the
            # page) and their count (an index-only scan).
            models.Index(
                fields=["category", "-is_pinned", "-last_post_at", "-id"],
                condition=models.Q(is_deleted=False),
                name="forum_topic_live_listing",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum-topic", kwargs={"pk": self.pk})


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    # Position in its topic, from 1: gives each post a stable page and anchor.
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="forum_posts"
    )
    body = models.TextField("message")
    html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_deleted = models.BooleanField(default=False)
    is_hidden = models.BooleanField("masqué par la modération", default=False)
    report_count = models.PositiveIntegerField(default=0)
    # Sent with the form: a second submission of the same form creates nothing.
    submission_key = models.UUIDField(null=True, blank=True, unique=True)

    class Meta:
        verbose_name = "message"
        verbose_name_plural = "messages"
        ordering = ["topic", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="forum_post_number")
        ]

    def __str__(self) -> str:
        return f"{self.topic} #{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("forum-post", kwargs={"pk": self.pk})

    @property
    def page_number(self) -> int:
        return (self.number - 1) // POSTS_PER_PAGE + 1

    @property
    def anchor(self) -> str:
        return f"message-{self.number}"

    @property
    def is_visible(self) -> bool:
        return not (self.is_deleted or self.is_hidden)


class PostRevision(models.Model):
    """An earlier version of a post, kept when it is edited (moderators read them)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    html = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Version de {self.post} du {self.created_at:%d/%m/%Y %H:%M}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # Private files: never under a public URL; the name carries no user input.
    return f"forum/{instance.post.topic_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum-attachment", kwargs={"pk": self.pk})


class Report(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField("motif", max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "signalement"
        verbose_name_plural = "signalements"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="forum_report_once")
        ]

    def __str__(self) -> str:
        return f"Signalement de {self.post}"


class ReadMarker(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    last_read_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="forum_read_marker")]

    def __str__(self) -> str:
        return f"{self.topic} lu jusqu’au nº {self.last_read_number}"


class Suspension(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="membre",
        on_delete=models.CASCADE,
        related_name="forum_suspensions",
    )
    until = models.DateTimeField("jusqu’au")
    reason = models.TextField("motif")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "suspension"
        verbose_name_plural = "suspensions"

    def __str__(self) -> str:
        return f"{self.user} jusqu’au {self.until:%d/%m/%Y}"
