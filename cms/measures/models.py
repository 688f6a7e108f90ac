"""The programme's measures (« dispositifs »): ORT, Réinventons nos cœurs de ville…"""

from typing import Any

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.core.blocks.registry import body_blocks
from cms.core.fragments import lazy
from cms.core.linked import linked
from cms.core.models import BasePage, IndexPage, ListingMixin, TaggedTopicsMixin
from cms.core.querysets import ListedPageQuerySet

from .audiences import audience_labels
from .forms import MeasurePageForm


class MeasurePageQuerySet(ListedPageQuerySet):
    # A measure's card shows its tagline and audiences (`measure_card.html`).
    card_fields = ("tagline", "audiences")


class MeasureIndexPage(IndexPage):
    """« Dispositifs »: the measures, in the order editors give them in the page tree."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["measures.MeasurePage"]

    class Meta:
        verbose_name = "liste des dispositifs"

    def measures(self) -> QuerySet["MeasurePage"]:
        return MeasurePage.objects.published().child_of(self).order_by("path")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = lazy(lambda: self.paginate(request, self.measures()))
        return context


class MeasurePage(ListingMixin, TaggedTopicsMixin, BasePage):
    tagline = models.CharField(
        "accroche",
        max_length=200,
        help_text="Une phrase qui dit à quoi sert le dispositif, affichée sous le titre.",
    )
    audiences = models.JSONField("publics visés", default=list, blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name="contenu")
    acronyms = ParentalManyToManyField(
        "programme.GlossaryTerm",
        blank=True,
        related_name="+",
        verbose_name="sigles",
        help_text="Les sigles employés dans la page ; ils s’affichent avec leur développement.",
    )

    base_form_class = MeasurePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        FieldPanel("audiences"),
        *ListingMixin.listing_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                *TaggedTopicsMixin.topic_panels,
                FieldPanel("acronyms", widget=forms.SelectMultiple(attrs={"size": 12})),
            ],
            heading="Classement",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        *ListingMixin.search_fields,
        *TaggedTopicsMixin.search_fields,
        index.SearchField("tagline", boost=2),
        index.SearchField("body"),
        index.RelatedFields(
            "acronyms", [index.SearchField("acronym"), index.SearchField("expansion")]
        ),
    ]
    parent_page_types = ["measures.MeasureIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(MeasurePageQuerySet)()

    class Meta:
        verbose_name = "dispositif"
        verbose_name_plural = "dispositifs"

    @property
    def audience_labels(self) -> list[str]:
        return audience_labels(self.audiences or [])

    def get_meta_description(self) -> str:
        return super().get_meta_description() or self.tagline

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(
            topics=lazy(lambda: linked(self, "topics", request)),
            acronyms=lazy(lambda: linked(self, "acronyms", request)),
        )
        return context
