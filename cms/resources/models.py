"""Guides and other resources of the programme, listed at `/guides/` and `/ressources/`."""

from collections.abc import Sequence
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.formats import date_format
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.core.blocks.registry import body_blocks
from cms.core.compiled import CompiledShape
from cms.core.feeds import FeedMixin
from cms.core.fragments import lazy
from cms.core.linked import linked
from cms.core.listing_filters import listing_context
from cms.core.models import BasePage, DatedMixin, IndexPage, ListingMixin, TaggedTopicsMixin
from cms.core.querysets import DatedPageQuerySet, hidden_paths
from cms.programme.models import Topic

from .filters import filter_resources
from .resource_types import ResourceType


class ResourcePageQuerySet(DatedPageQuerySet):
    """Guides and resources: dated pages listed as cards."""

    # The card's badge is the type (`resource_card.html`), its detail the date.
    card_fields = ("published_on", "resource_type")


class ResourceIndexPage(FeedMixin, IndexPage):
    """A listing of resources: `/guides/` for the guides, `/ressources/` for the others."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = "liste de ressources"
        verbose_name_plural = "listes de ressources"

    def resources(self) -> "ResourcePageQuerySet":
        return ResourcePage.objects.published().listed_under(self.path, self.depth)

    def feed_items(self) -> "ResourcePageQuerySet":
        return self.resources().newest_first()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        listing = listing_context(
            self, request, lambda: filter_resources(self.resources(), request.GET)
        )
        context.update(listing, resources=listing["items"])
        return context


def _related_resources(
    page_id: int, topic_ids: list[int], *, hidden: tuple[str, ...], limit: int
) -> QuerySet["ResourcePage"]:
    sharing = ResourcePage.topics.through.objects.filter(topic_id__in=topic_ids)
    return (
        ResourcePage.objects.published(hidden)
        .exclude(pk=page_id)
        .filter(pk__in=sharing.values("resourcepage_id"))
        .newest_first()
        .for_cards()[:limit]
    )


# Every resource shows them: compiled once per process (`cms.core.compiled`).
RELATED_RESOURCES = CompiledShape(_related_resources)


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )

    class Meta:
        verbose_name = "mot-clé d’une ressource"
        verbose_name_plural = "mots-clés des ressources"


class ResourcePage(ListingMixin, DatedMixin, TaggedTopicsMixin, BasePage):
    """A guide, atlas, study…: its presentation, its content and the files to download."""

    resource_type = models.CharField(
        "type de ressource",
        max_length=20,
        choices=ResourceType.choices,
        default=ResourceType.GUIDE,
        db_index=True,
    )
    body = StreamField(body_blocks(), blank=True, verbose_name="contenu")
    tags = ClusterTaggableManager(
        through=ResourcePageTag,
        blank=True,
        verbose_name="mots-clés",
        help_text="Quelques mots-clés : « ORT », « convention-cadre », « entrées de ville »…",
    )

    content_panels = [*Page.content_panels, FieldPanel("resource_type"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels]
    classification_panels = [
        *DatedMixin.date_panels,
        MultiFieldPanel(
            [*TaggedTopicsMixin.topic_panels, FieldPanel("tags")],
            heading="Axes, thèmes et mots-clés",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(promote_panels, heading="Présentation et référencement"),
            ObjectList(classification_panels, heading="Dates et classement"),
            ObjectList(Page.settings_panels, heading="Paramètres"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        *ListingMixin.search_fields,
        *DatedMixin.search_fields,
        *TaggedTopicsMixin.search_fields,
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("resource_type"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(ResourcePageQuerySet)()

    class Meta:
        verbose_name = "ressource"
        verbose_name_plural = "ressources"

    @property
    def card_detail(self) -> str:
        return f"Publié le {date_format(self.published_on, 'j F Y')}"

    def related_resources(self, topics: Sequence[Topic], limit: int) -> list["ResourcePage"]:
        """Other resources sharing one of `topics`, newest first. The page passes the topics
        it shows anyway: one subquery fewer than reading them again, and no query at all
        when it has none."""
        if not topics:
            return []
        return RELATED_RESOURCES.rows(
            self.pk, [topic.pk for topic in topics], hidden=hidden_paths(), limit=limit
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        topics = lazy(lambda: linked(self, "topics", request))
        context["topics"] = topics
        context["tags"] = lazy(lambda: linked(self, "tags", request))
        context["listing_url"] = lazy(lambda: self.get_parent().get_url(request=request))
        context["related_resources"] = lazy(lambda: self.related_resources(topics, limit=3))
        return context
