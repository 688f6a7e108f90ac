"""Subscribers and the append-only record of what each of them consented to, and when."""

from django.db import models
from django.utils import timezone


class SubscriberQuerySet(models.QuerySet):
    def active(self) -> "SubscriberQuerySet":
        return self.filter(status=Subscriber.Status.ACTIVE)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "en attente de confirmation"
        ACTIVE = "active", "abonné"
        UNSUBSCRIBED = "unsubscribed", "désabonné"
        SUPPRESSED = "suppressed", "bloqué (rebonds ou plainte)"

    email = models.EmailField("adresse électronique", max_length=254, unique=True)
    status = models.CharField(
        "statut", max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    topics = models.ManyToManyField(
        "programme.Topic", blank=True, related_name="+", verbose_name="axes et thèmes suivis"
    )
    created_at = models.DateTimeField("inscrit le", default=timezone.now)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désabonné le", null=True, blank=True)
    suppressed_reason = models.CharField("motif du blocage", max_length=200, blank=True)
    soft_bounces = models.PositiveSmallIntegerField("rebonds temporaires", default=0)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email


class AppendOnly(models.Model):
    """Rows are written once: the consent history is evidence and must never change."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError("Un enregistrement de consentement ne se modifie pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Un enregistrement de consentement ne se supprime pas.")


class ConsentRecord(AppendOnly):
    """One event in an address's consent history: asked, confirmed, imported, withdrawn."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", "demande d’abonnement"
        CONFIRMED = "confirmed", "confirmation (double opt-in)"
        IMPORTED = "imported", "import avec preuve de consentement"
        WITHDRAWN = "withdrawn", "désabonnement"
        SUPPRESSED = "suppressed", "blocage (rebonds ou plainte)"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.PROTECT, related_name="consents", verbose_name="abonné"
    )
    kind = models.CharField("événement", max_length=12, choices=Kind.choices)
    email = models.EmailField("adresse", max_length=254)
    recorded_at = models.DateTimeField("date", default=timezone.now)
    wording_version = models.CharField("version du texte de consentement", max_length=20)
    source = models.CharField("page ou origine", max_length=500, blank=True)
    confirms = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="confirmation",
        verbose_name="demande confirmée",
    )
    proof = models.TextField("preuve fournie (import)", blank=True)

    class Meta:
        verbose_name = "enregistrement de consentement"
        verbose_name_plural = "registre des consentements"
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.email} — {self.get_kind_display()} — {self.recorded_at:%d/%m/%Y %H:%M}"

    @property
    def confirmed_at(self):
        """The confirmation time of a request, read from the confirmation record."""
        confirmation = getattr(self, "confirmation", None)
        return confirmation.recorded_at if confirmation else None
