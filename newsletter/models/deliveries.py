"""The frozen audience of an issue: one row per (issue, subscriber), sent at most once."""

from django.db import models


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "à envoyer"
        SENDING = "sending", "en cours d’envoi"
        SENT = "sent", "envoyé"
        FAILED = "failed", "échec"
        UNCERTAIN = "uncertain", "incertain (interruption pendant l’envoi)"
        SKIPPED = "skipped", "non envoyé (désabonné entre-temps)"

    issue = models.ForeignKey(
        "newsletter.Issue", on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    bounced = models.BooleanField(default=False)
    unsubscribed = models.BooleanField(default=False)

    class Meta:
        verbose_name = "envoi"
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_issue")
        ]
        indexes = [models.Index(fields=["issue", "status"], name="delivery_issue_status")]

    def __str__(self) -> str:
        return f"{self.issue_id}/{self.subscriber_id}: {self.status}"
