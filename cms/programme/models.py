"""The programme's own structure, shared by every content type: axes and themes, phases,
financing partners and the glossary of acronyms (from `data/programme.json`)."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.core.blocks.text import RICH_TEXT_FEATURES
from cms.core.loaded_rows import LoadedRowMixin


class Topic(index.Indexed, LoadedRowMixin, models.Model):
    """One of the 5 axes or 3 transversal themes that every piece of content is tagged with."""

    class Kind(models.TextChoices):
        AXIS = "axe", "Axe"
        THEME = "theme", "Thème transversal"

    kind = models.CharField("type", max_length=10, choices=Kind.choices, default=Kind.AXIS)
    number = models.PositiveSmallIntegerField("numéro", help_text="Ordre d’affichage.")
    title = models.CharField("titre", max_length=255)
    short_title = models.CharField("titre court", max_length=80)
    slug = models.SlugField("identifiant d’URL", max_length=80, unique=True)
    summary = models.TextField("résumé", blank=True)
    introduction = RichTextField("présentation", features=RICH_TEXT_FEATURES, blank=True)
    icon = models.CharField(
        "icône DSFR",
        max_length=80,
        blank=True,
        help_text="Nom d’une icône du DSFR, par exemple « fr-icon-home-4-line ».",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("number"),
                FieldPanel("title"),
                FieldPanel("short_title"),
                FieldPanel("slug"),
                FieldPanel("icon"),
            ],
            heading="Identification",
        ),
        FieldPanel("summary"),
        FieldPanel("introduction"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.AutocompleteField("short_title"),
    ]

    class Meta:
        verbose_name = "axe ou thème"
        verbose_name_plural = "axes et thèmes"
        ordering = ["kind", "number"]

    def __str__(self) -> str:
        return self.short_title

    def get_absolute_url(self) -> str:
        return reverse("topic-detail", kwargs={"slug": self.slug})


class Phase(LoadedRowMixin, models.Model):
    """A phase of a town's programme: préparation, initialisation, déploiement."""

    order = models.PositiveSmallIntegerField("ordre", unique=True)
    key = models.SlugField("clé", max_length=40, unique=True)
    name = models.CharField("nom", max_length=120)
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "phase"
        verbose_name_plural = "phases"
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Partner(LoadedRowMixin, models.Model):
    """A financing or technical partner of the programme (Banque des territoires, Anah…)."""

    name = models.CharField("nom", max_length=200, unique=True)
    acronym = models.CharField("sigle", max_length=40, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    commitment = models.TextField("engagement", blank=True)
    website = models.URLField("site internet", blank=True)

    class Meta:
        verbose_name = "partenaire"
        verbose_name_plural = "partenaires"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.acronym or self.name


class GlossaryTerm(LoadedRowMixin, models.Model):
    """An acronym and its expansion; search uses these as synonyms."""

    acronym = models.CharField("sigle", max_length=40, unique=True)
    expansion = models.CharField("développement", max_length=300)
    note = models.TextField("note", blank=True)

    class Meta:
        verbose_name = "terme du glossaire"
        verbose_name_plural = "glossaire"
        ordering = ["acronym"]

    def __str__(self) -> str:
        return f"{self.acronym} — {self.expansion}"


def topic_scope(topic_id: int) -> str:
    """The cache scope of an axis or theme page (`fragments.scope_version`): what it lists
    from outside the CMS, such as its forum topics, renews this scope alone."""
    return f"programme-topic:{topic_id}"
