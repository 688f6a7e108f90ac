"""News: the « Actualités » listing with its filters and RSS feed, and the news item page."""

from typing import Any

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.core.blocks.registry import body_blocks
from cms.core.feeds import FeedMixin
from cms.core.fragments import lazy
from cms.core.linked import linked
from cms.core.listing_filters import listing_context
from cms.core.models import BasePage, DatedMixin, IndexPage, ListingMixin, TaggedTopicsMixin
from cms.core.querysets import DatedPageQuerySet
from cms.news.filters import filter_news


class NewsPageQuerySet(DatedPageQuerySet):
    def in_town(self, town: Any) -> "NewsPageQuerySet":
        """News items citing this town (a `Town` or its id)."""
        return self.filter(towns=town)


class NewsIndexPage(FeedMixin, IndexPage):
    """« Actualités »: news items newest first, filtered by topic and year."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = "liste des actualités"

    def news(self) -> QuerySet["NewsPage"]:
        return NewsPage.objects.published().listed_under(self.path, self.depth).newest_first()

    def feed_items(self) -> QuerySet["NewsPage"]:
        return self.news()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(
            listing_context(self, request, lambda: filter_news(self.news(), request.GET))
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(ListingMixin, DatedMixin, TaggedTopicsMixin, BasePage):
    body = StreamField(body_blocks(), blank=True, verbose_name="contenu")
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name="mots-clés",
        help_text="Quelques mots-clés, séparés par des virgules.",
    )
    towns = ParentalManyToManyField(
        "territories.Town",
        blank=True,
        related_name="news_pages",
        verbose_name="villes citées",
        help_text="Les villes du programme dont parle l’actualité : elle s’affichera sur "
        "leur page.",
    )

    content_panels = [
        *Page.content_panels,
        *DatedMixin.date_panels,
        *ListingMixin.listing_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                *TaggedTopicsMixin.topic_panels,
                FieldPanel("tags"),
                FieldPanel("towns", widget=forms.SelectMultiple(attrs={"size": 12})),
            ],
            heading="Classement",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        *ListingMixin.search_fields,
        *DatedMixin.search_fields,
        *TaggedTopicsMixin.search_fields,
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("towns", [index.SearchField("name")]),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(
            topics=lazy(lambda: linked(self, "topics", request)),
            tags=lazy(lambda: linked(self, "tags", request)),
            towns=lazy(lambda: linked(self, "towns", request)),
        )
        return context
