"""Regions, departments and the 245 towns of the programme (data/acv_villes.csv)."""

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.core.loaded_rows import LoadedRowMixin

from .names import normalise_name


class Region(LoadedRowMixin, models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    name = models.CharField("nom", max_length=120)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        verbose_name = "région"
        verbose_name_plural = "régions"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Department(LoadedRowMixin, models.Model):
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

    def territory_of(self, slug: str) -> "TownQuerySet":
        """The communes of the ACV territory of the town `slug`: that town and, for a binôme,
        its partner(s). A town page needs both, and reads them in one query."""
        territory = Town.objects.filter(slug=slug).values("territory_code")
        return self.filter(territory_code=models.Subquery(territory))

    def matching(self, query: str) -> "TownQuerySet":
        """Towns with a word starting with each word of `query`, ignoring case, accents and
        hyphens (« saint lo » finds Saint-Lô, not Saint-Malo), on any database, through the
        normalised `search_name`."""
        towns = self
        for word in normalise_name(query).split():
            towns = towns.filter(
                models.Q(search_name__startswith=word) | models.Q(search_name__contains=f" {word}")
            )
        return towns

    # The loader writes towns in bulk, which bypasses `save()`: keep the derived fields right.
    def bulk_create(self, objs: Iterable["Town"], *args: Any, **kwargs: Any) -> list["Town"]:
        objs = list(objs)
        for town in objs:
            town.search_name = normalise_name(town.name)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(
        self, objs: Iterable["Town"], fields: Iterable[str], *args: Any, **kwargs: Any
    ) -> int:
        objs, fields = list(objs), list(fields)
        now = timezone.now()
        for town in objs:
            town.search_name = normalise_name(town.name)
            town.updated_at = now
        derived = [name for name in ("search_name", "updated_at") if name not in fields]
        return super().bulk_update(objs, fields + derived, *args, **kwargs)


class Town(index.Indexed, LoadedRowMixin, models.Model):
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
    search_name = models.CharField(
        "nom normalisé",
        max_length=120,
        editable=False,
        db_index=True,
        help_text="Le nom sans majuscules, accents ni tirets, pour la recherche et le tri.",
    )
    updated_at = models.DateTimeField("dernière modification", auto_now=True)

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
        # The normalised name sorts « Écully » among the E on every database.
        ordering = ["search_name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = normalise_name(self.name)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("town-detail", kwargs={"slug": self.slug})

    @property
    def region(self) -> Region:
        return self.department.region

    @property
    def population_year(self) -> int:
        """INSEE's latest legal populations are from 2023, except Mayotte's (2017 census)."""
        return 2017 if self.department.code == "976" else 2023


def town_scope(town_id: int) -> str:
    """The cache scope of a town's page (`fragments.scope_version`): what it lists from
    outside the CMS, such as its forum topics, renews this scope alone."""
    return f"town:{town_id}"
