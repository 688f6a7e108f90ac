"""Regions, departments and the 245 towns of the programme (data/acv_villes.csv)."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Region(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    name = models.CharField("nom", max_length=120)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        verbose_name = "région"
        verbose_name_plural = "régions"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    name = models.CharField("nom", max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="departments", verbose_name="région"
    )

    class Meta:
        verbose_name = "département"
        verbose_name_plural = "départements"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class TownQuerySet(models.QuerySet):
    def with_geography(self) -> "TownQuerySet":
        return self.select_related("department__region")


class Town(index.Indexed, models.Model):
    """A commune of the programme. Two communes may share one ACV territory (a "binôme")."""

    insee_code = models.CharField("code INSEE", max_length=5, unique=True)
    name = models.CharField("nom", max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="towns", verbose_name="département"
    )
    territory_code = models.CharField("identifiant du territoire ACV", max_length=10, db_index=True)
    territory_name = models.CharField("territoire ACV", max_length=200)
    epci_siren = models.CharField("SIREN de l’EPCI", max_length=9, blank=True)
    epci_name = models.CharField("EPCI", max_length=200, blank=True)
    population = models.PositiveIntegerField("population municipale", null=True, blank=True)
    convention_signed_on = models.DateField("signature de la convention", null=True, blank=True)
    actions_ongoing = models.PositiveIntegerField("actions en cours", null=True, blank=True)
    actions_completed = models.PositiveIntegerField("actions livrées", null=True, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=4)
    longitude = models.DecimalField(max_digits=8, decimal_places=4)
    summary = models.TextField(
        "présentation",
        blank=True,
        help_text="Quelques phrases sur le projet de centre-ville de la commune.",
    )

    objects = TownQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("insee_code")]),
                FieldPanel("slug"),
                FieldPanel("department"),
            ],
            heading="Commune",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("territory_code"), FieldPanel("territory_name")]),
                FieldRowPanel([FieldPanel("epci_siren"), FieldPanel("epci_name")]),
                FieldPanel("population"),
                FieldPanel("convention_signed_on"),
                FieldRowPanel([FieldPanel("actions_ongoing"), FieldPanel("actions_completed")]),
            ],
            heading="Programme",
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Position"),
        FieldPanel("summary"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("territory_name"),
        index.SearchField("epci_name"),
        index.FilterField("department_id"),
    ]

    class Meta:
        verbose_name = "ville"
        verbose_name_plural = "villes"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("town-detail", kwargs={"slug": self.slug})

    @property
    def region(self) -> Region:
        return self.department.region

    def partner_towns(self) -> models.QuerySet["Town"]:
        """The other commune(s) of the same ACV territory, if it is a binôme."""
        return Town.objects.filter(territory_code=self.territory_code).exclude(pk=self.pk)
