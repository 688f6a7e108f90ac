"""The referent directory: one entry per person in a governance role of the programme.

Staff create entries (a person may have no account yet) and link them to an account later;
a member proposes changes to their own entry (`EntryChangeProposal`), which staff approve.
Contact details carry a visibility each, applied by `visibility.visible_contact` only.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.programme.models import Topic
from cms.territories.models import Department, Region, Town

from .visibility import Visibility


class GovernanceRole(models.TextChoices):
    """The programme's governance roles (programme.json, « gouvernance » and partners)."""

    PROJECT_DIRECTOR = "directeur-projet", "Direction de projet « cœur de ville »"
    STATE_DEPARTMENT = "referent-departemental", "Référent départemental de l’État"
    STATE_REGION = "referent-regional", "Référent régional de l’État"
    CDC = "banque-des-territoires", "Référent Banque des territoires (CDC)"
    ACTION_LOGEMENT = "action-logement", "Référent Action Logement"
    ANAH = "anah", "Référent Anah"
    ANRU = "anru", "Référent ANRU"
    CEREMA = "cerema", "Référent Cerema"
    EPF = "epf", "Référent établissement public foncier (EPF)"
    NATIONAL_TEAM = "equipe-nationale", "Équipe nationale du programme (ANCT)"
    OTHER = "autre", "Autre partenaire"


class EntryQuerySet(models.QuerySet):
    def current(self, on: Any = None) -> "EntryQuerySet":
        """Entries whose mandate has begun and not ended on the given day (today)."""
        day = on or timezone.localdate()
        return self.filter(
            models.Q(mandate_start__isnull=True) | models.Q(mandate_start__lte=day),
            models.Q(mandate_end__isnull=True) | models.Q(mandate_end__gte=day),
        )

    def for_listing(self) -> "EntryQuerySet":
        return self.select_related("photo").prefetch_related(
            "towns", "departments", "regions", "topics"
        )


class DirectoryEntry(index.Indexed, models.Model):
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    slug = models.SlugField("identifiant d’URL", max_length=120, unique=True, blank=True)
    role = models.CharField("rôle", max_length=40, choices=GovernanceRole.choices)
    organisation = models.CharField("organisme", max_length=200)
    job_title = models.CharField("fonction", max_length=200, blank=True)
    bio = models.TextField("présentation", max_length=1500, blank=True)
    towns = models.ManyToManyField(
        Town, blank=True, related_name="directory_entries", verbose_name="villes couvertes"
    )
    departments = models.ManyToManyField(
        Department,
        blank=True,
        related_name="directory_entries",
        verbose_name="départements couverts",
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="directory_entries", verbose_name="régions couvertes"
    )
    topics = models.ManyToManyField(
        Topic,
        blank=True,
        related_name="directory_entries",
        verbose_name="axes et thèmes d’expertise",
    )
    mandate_start = models.DateField("prise de fonctions", null=True, blank=True)
    mandate_end = models.DateField(
        "fin de fonctions",
        null=True,
        blank=True,
        help_text="Renseignez-la au départ de la personne : la lettre d’information l’annonce.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="photo",
    )
    photo_alt = models.CharField(
        "texte alternatif de la photo",
        max_length=200,
        blank=True,
        help_text="Laissez vide si la photo n’apporte rien de plus que le nom (photo décorative).",
    )
    email = models.EmailField("adresse électronique", blank=True)
    email_visibility = models.CharField(
        "visibilité de l’adresse électronique",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    phone = models.CharField("téléphone", max_length=30, blank=True)
    phone_visibility = models.CharField(
        "visibilité du téléphone",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    address = models.TextField("adresse postale", max_length=500, blank=True)
    address_visibility = models.CharField(
        "visibilité de l’adresse postale",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.STAFF,
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_entry",
        verbose_name="compte lié",
        help_text="Le compte de la personne, s’il existe : elle pourra proposer des modifications.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
                FieldPanel("slug"),
                FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
                FieldPanel("job_title"),
                FieldPanel("bio"),
                FieldPanel("user"),
            ],
            heading="Identité et rôle",
        ),
        MultiFieldPanel(
            [
                FieldPanel("regions"),
                FieldPanel("departments"),
                FieldPanel("towns"),
                FieldPanel("topics"),
            ],
            heading="Territoires et expertise",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("mandate_start"), FieldPanel("mandate_end")])],
            heading="Mandat",
        ),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email"), FieldPanel("email_visibility")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("phone_visibility")]),
                FieldRowPanel([FieldPanel("address"), FieldPanel("address_visibility")]),
            ],
            heading="Coordonnées",
        ),
    ]

    search_fields = [
        index.SearchField("last_name"),
        index.SearchField("first_name"),
        index.SearchField("organisation"),
        index.SearchField("job_title"),
        index.AutocompleteField("last_name"),
        index.FilterField("role"),
    ]

    class Meta:
        verbose_name = "fiche de l’annuaire"
        verbose_name_plural = "fiches de l’annuaire"
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("directory-entry", kwargs={"slug": self.slug})

    def _unique_slug(self) -> str:
        base = slugify(f"{self.first_name} {self.last_name}")[:100] or "fiche"
        slug, n = base, 2
        while DirectoryEntry.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def has_left(self) -> bool:
        return bool(self.mandate_end and self.mandate_end < timezone.localdate())


class EntryChangeProposal(models.Model):
    """Changes a member proposes to their own entry, applied once staff approve them."""

    class Status(models.TextChoices):
        PENDING = "pending", "En attente"
        APPROVED = "approved", "Acceptée"
        REJECTED = "rejected", "Refusée"

    # The fields a member may propose to change, with the form's labels.
    FIELDS = (
        "organisation",
        "job_title",
        "bio",
        "email",
        "email_visibility",
        "phone",
        "phone_visibility",
        "address",
        "address_visibility",
    )

    entry = models.ForeignKey(
        DirectoryEntry, on_delete=models.CASCADE, related_name="proposals", verbose_name="fiche"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="proposée par",
    )
    changes = models.JSONField("modifications proposées", default=dict)
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField("proposée le", auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="examinée par",
    )
    reviewed_at = models.DateTimeField("examinée le", null=True, blank=True)

    class Meta:
        verbose_name = "proposition de modification"
        verbose_name_plural = "propositions de modification"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.entry} — {self.get_status_display()}"

    def changed_fields(self) -> list[tuple[str, Any, Any]]:
        """(label, current value, proposed value) for every field the proposal changes."""
        rows = []
        for name, value in self.changes.items():
            if name not in self.FIELDS:
                continue
            field = DirectoryEntry._meta.get_field(name)
            rows.append((str(field.verbose_name), getattr(self.entry, name), value))
        return rows
