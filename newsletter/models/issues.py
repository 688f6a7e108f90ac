"""A monthly issue: the plan's six sections, each a reorderable list of items."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import SectionBlock

# (field name, heading in the mail and the archive), in the order of the platform plan.
SECTIONS: list[tuple[str, str]] = [
    ("national_news", "L’actualité nationale du programme"),
    ("focus", "Focus sur un partenaire ou une mesure"),
    ("research", "Le point de vue de la recherche"),
    ("projects", "Point d’étape sur les projets"),
    ("innovations", "Revue des innovations dans les villes"),
    ("community_moves", "Qui arrive, qui part"),
]


def section_field(heading: str, help_text: str = "") -> StreamField:
    return StreamField(SectionBlock(), blank=True, verbose_name=heading, help_text=help_text)


class IssueQuerySet(models.QuerySet):
    def sent(self) -> "IssueQuerySet":
        return self.filter(status=Issue.Status.SENT).order_by("-sent_at", "-pk")


class Issue(index.Indexed, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "brouillon"
        SCHEDULED = "scheduled", "programmé"
        SENDING = "sending", "envoi en cours"
        PAUSED = "paused", "en pause"
        SENT = "sent", "envoyé"

    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("identifiant d’URL", max_length=100, unique=True)
    introduction = models.TextField("introduction", blank=True)
    national_news = section_field(SECTIONS[0][1])
    focus = section_field(SECTIONS[1][1])
    research = section_field(SECTIONS[2][1], "Un article.")
    projects = section_field(
        SECTIONS[3][1], "Pré-rempli : conventions signées, nouveaux retours d’expérience."
    )
    innovations = section_field(SECTIONS[4][1], "Retours d’expérience choisis.")
    community_moves = section_field(SECTIONS[5][1], "Pré-rempli depuis l’annuaire des référents.")
    covers_since = models.DateTimeField(
        "contenus publiés depuis",
        null=True,
        blank=True,
        help_text="Date du numéro précédent : point de départ du pré-remplissage.",
    )
    scheduled_at = models.DateTimeField("envoi programmé le", null=True, blank=True)
    status = models.CharField(
        "statut", max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    send_started_at = models.DateTimeField("envoi commencé le", null=True, blank=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now)

    objects = IssueQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldPanel("introduction"),
        *[FieldPanel(name) for name, _ in SECTIONS],
        MultiFieldPanel(
            [FieldPanel("covers_since", read_only=True), FieldPanel("scheduled_at")],
            heading="Calendrier",
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = "numéro de la lettre"
        verbose_name_plural = "numéros de la lettre"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("newsletter:archive-issue", args=[self.slug])

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.SCHEDULED}

    def sections(self) -> list[tuple[str, str, StreamField]]:
        return [(name, heading, getattr(self, name)) for name, heading in SECTIONS]
