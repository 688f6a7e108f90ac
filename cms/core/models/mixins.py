"""Small page mixins, each bringing its fields and its panels (the ONS CMS pattern)."""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class ListingMixin(models.Model):
    """What a card shows when the page is listed: an image and a short summary."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="image de vignette",
    )
    listing_image_alt = models.CharField(
        "texte alternatif de la vignette",
        max_length=250,
        blank=True,
        help_text="Laissez vide si l’image n’apporte pas d’information (image décorative).",
    )
    summary = models.TextField(
        "chapô",
        max_length=400,
        blank=True,
        help_text="Deux ou trois phrases affichées en tête de page et sur les vignettes.",
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("listing_image"),
                FieldPanel(
                    "listing_image_alt",
                    help_text="Laissez vide pour reprendre la description de l’image, ou pour "
                    "une image décorative si elle n’a pas de description.",
                ),
            ],
            heading="Présentation en liste",
        )
    ]
    search_fields = [index.SearchField("summary")]

    class Meta:
        abstract = True

    @property
    def listing_image_alt_text(self) -> str:
        """The card image's alt text: its own, else the image's description (Wagtail's
        default alt text), else empty (decorative)."""
        if self.listing_image_alt or self.listing_image is None:
            return self.listing_image_alt
        return self.listing_image.description


class DatedMixin(models.Model):
    """First publication and last update dates shown to readers."""

    published_on = models.DateField(
        "date de publication", default=datetime.date.today, db_index=True
    )
    updated_on = models.DateField("date de mise à jour", null=True, blank=True)

    date_panels = [
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("updated_on")], heading="Dates")
    ]
    search_fields = [index.FilterField("published_on")]

    class Meta:
        abstract = True

    @property
    def is_updated(self) -> bool:
        return bool(self.updated_on and self.updated_on > self.published_on)

    @property
    def last_modified_date(self) -> datetime.date:
        return self.updated_on or self.published_on or timezone.localdate()


class TaggedTopicsMixin(models.Model):
    """Links a page to the programme's axes and themes."""

    topics = ParentalManyToManyField(
        "programme.Topic",
        blank=True,
        verbose_name="axes et thèmes",
        related_name="+",
    )

    topic_panels = [FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]
    search_fields = [
        index.RelatedFields("topics", [index.SearchField("title")]),
        index.FilterField("topics"),
    ]

    class Meta:
        abstract = True
