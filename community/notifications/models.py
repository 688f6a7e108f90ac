"""What members follow, the notifications they receive, their e-mail opt-outs, and the
announcements staff and regional State referents send."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Kind(models.TextChoices):
    """Also the kinds of e-mail members choose in « Mon compte »
    (`community.accounts.email_preferences`)."""

    REPLY = "forum_reply", "Nouvelles réponses dans ce que je suis"
    MENTION = "mention", "Mentions"
    ANNOUNCEMENT = "announcement", "Annonces"
    DIGEST = "digest", "Résumé quotidien"


class Follow(models.Model):
    """A member watching a topic, a category or a working group (exactly one of them)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("forum.Topic", null=True, blank=True, on_delete=models.CASCADE)
    category = models.ForeignKey("forum.Category", null=True, blank=True, on_delete=models.CASCADE)
    group = models.ForeignKey(
        "groups.WorkingGroup", null=True, blank=True, on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "abonnement"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(topic__isnull=False, category__isnull=True, group__isnull=True)
                    | models.Q(topic__isnull=True, category__isnull=False, group__isnull=True)
                    | models.Q(topic__isnull=True, category__isnull=True, group__isnull=False)
                ),
                name="notifications_follow_one_target",
            ),
            models.UniqueConstraint(fields=["user", "topic"], name="notifications_follow_topic"),
            models.UniqueConstraint(
                fields=["user", "category"], name="notifications_follow_category"
            ),
            models.UniqueConstraint(fields=["user", "group"], name="notifications_follow_group"),
        ]

    def __str__(self) -> str:
        return f"Suivi de {self.target}"

    @property
    def target(self) -> models.Model:
        return self.topic or self.category or self.group


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Names the event ("post:42", "announcement:3"): one notification per member and event.
    event = models.CharField(max_length=80)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "notification"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="notifications_once_per_event")
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notifications_unread")]

    def __str__(self) -> str:
        return self.title


class Announcement(models.Model):
    class Audience(models.TextChoices):
        EVERYONE = "everyone", "Toute la communauté"
        REGION = "region", "Les membres d’une région"
        GROUP = "group", "Un groupe de travail"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    audience = models.CharField("destinataires", max_length=10, choices=Audience.choices)
    region = models.ForeignKey(
        "territories.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    group = models.ForeignKey(
        "groups.WorkingGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField("titre", max_length=200)
    body = models.TextField("message")
    html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "annonce"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title
