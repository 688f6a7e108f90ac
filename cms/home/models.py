"""The home page: the programme in brief, its axes and themes, key figures, what is new."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.core.blocks.layout import KeyFigureBlock
from cms.core.blocks.text import RICH_TEXT_FEATURES
from cms.core.cards import attach_card_images
from cms.core.fragments import lazy
from cms.core.models import BasePage
from cms.core.querysets import publicly_visible
from cms.core.related import sections_for
from cms.news.models import NewsIndexPage, NewsPage
from cms.programme.models import Topic


class HomePage(BasePage):
    hero_title = models.CharField(
        "accroche",
        max_length=200,
        default="Redonner vie aux cœurs des villes moyennes",
    )
    hero_text = models.TextField("texte d’introduction", blank=True)
    presentation = RichTextField(
        "présentation du programme", features=RICH_TEXT_FEATURES, blank=True
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        max_num=6,
        verbose_name="chiffres clés",
    )
    featured = StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    label="Page mise en avant",
                    page_type=["resources.ResourcePage", "casestudies.CaseStudyPage"],
                ),
            )
        ],
        blank=True,
        max_num=6,
        verbose_name="ressources et retours d’expérience à la une",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading="Bandeau"),
        FieldPanel("presentation"),
        FieldPanel("key_figures"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Les actualités récentes s’affichent d’elles-mêmes ; choisissez ici "
                    "les ressources et retours d’expérience à mettre en avant."
                ),
                FieldPanel("featured"),
            ],
            heading="À la une",
        ),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "page d’accueil"

    def featured_pages(self, with_images: bool = True) -> list[Page]:
        """The editor's picks, live and public ones only, as their specific types with their
        card images (one query for the pages, one per type, two for all their images)."""
        ids = [item["value"] for item in self.featured.raw_data if item.get("value")]
        if not ids:
            return []
        pages = Page.objects.live().filter(publicly_visible(), pk__in=ids).specific().in_bulk()
        picks = [pages[pk] for pk in ids if pk in pages]
        if with_images:
            attach_card_images(picks)
        return picks

    def home_cards(self) -> tuple[list[NewsPage], list[Page]]:
        """The latest news and the editor's picks, with the card images and renditions of
        both in two queries (two more per group otherwise)."""
        news = list(NewsPage.objects.published().newest_first().defer_streamfields()[:3])
        picks = self.featured_pages(with_images=False)
        attach_card_images([*news, *picks])
        return news, picks

    def news_feeds(self, request: HttpRequest) -> list[dict[str, str]]:
        """The news feed, advertised in the head as listings advertise theirs."""
        index = NewsIndexPage.first_published()
        return [index.feed_link(request)] if index else []

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = lazy(lambda: list(Topic.objects.all()))
        cards = lazy(self.home_cards)
        context["latest_news"] = lazy(lambda: cards[0])
        context["featured_pages"] = lazy(lambda: cards[1])
        context["feeds"] = lazy(lambda: self.news_feeds(request))
        # Sections other apps contribute (open calls for contributions…): cms.core.related.
        context["sections"] = lazy(lambda: sections_for("home", self))
        return context
