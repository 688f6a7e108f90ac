"""Case studies (« retours d’expérience »): what one town of the programme did, and how."""

import datetime
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery, prefetch_related_objects
from django.http import HttpRequest
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.core.blocks.registry import body_blocks
from cms.core.blocks.text import RICH_TEXT_FEATURES
from cms.core.cards import card_renditions
from cms.core.compiled import CompiledShape
from cms.core.feeds import FeedMixin
from cms.core.fragments import lazy
from cms.core.linked import linked
from cms.core.listing_filters import listing_context
from cms.core.models import BasePage, DatedMixin, IndexPage, ListingMixin, TaggedTopicsMixin
from cms.core.querysets import DatedPageQuerySet, hidden_paths
from cms.programme.models import Topic
from cms.territories.models import Town

from .filters import filter_case_studies


def current_year() -> int:
    return datetime.date.today().year


def format_euros(amount: int) -> str:
    """« 1 250 000 € »: French grouping with narrow no-break spaces, no-break space before €."""
    return f"{amount:,}".replace(",", "\u202f") + "\u00a0€"


class CaseStudyPageQuerySet(DatedPageQuerySet):
    def in_town(self, town: Any) -> "CaseStudyPageQuerySet":
        return self.filter(town=town)

    # The card's detail line is the town and the year (`card_detail`).
    card_fields = ("published_on", "year", "town__name")

    def for_cards(self) -> "CaseStudyPageQuerySet":
        """With what a card shows (town, year, image) in a fixed number of queries, and its
        badge: the short title of its first axis or theme (`card_badge`), read in the same
        query (prefetching every topic of every card cost more than the rest of the rows;
        reading them for the page's cards in a query of their own, no less than the
        subquery)."""
        first_topic = (
            CaseStudyPage.topics.through.objects.filter(casestudypage=OuterRef("pk"))
            .order_by(*(f"topic__{field}" for field in Topic._meta.ordering))
            .values("topic__short_title")[:1]
        )
        return super().for_cards().select_related("town").annotate(card_badge=Subquery(first_topic))


def _same_town(
    page_id: int, town_id: int, *, hidden: tuple[str, ...], limit: int
) -> QuerySet["CaseStudyPage"]:
    published = CaseStudyPage.objects.published(hidden).exclude(pk=page_id)
    # The card renditions of both queries' pages come in one prefetch (`related_case_studies`).
    cards = published.filter(town_id=town_id).newest_first().for_cards().prefetch_related(None)
    return cards[:limit]


def _sharing_topics(
    page_id: int, town_id: int, topic_ids: list[int], *, hidden: tuple[str, ...], limit: int
) -> QuerySet["CaseStudyPage"]:
    sharing = CaseStudyPage.topics.through.objects.filter(topic_id__in=topic_ids)
    return (
        CaseStudyPage.objects.published(hidden)
        .exclude(pk=page_id)
        .exclude(town_id=town_id)
        .filter(pk__in=sharing.values("casestudypage_id"))
        .newest_first()
        .for_cards()
        .prefetch_related(None)[:limit]
    )


# Every case study shows them: compiled once per process (`cms.core.compiled`). Two queries
# rather than one ranking both kinds: PostgreSQL then walks the index on the date and stops
# at the first few (0.3 ms) instead of sorting every case study sharing a topic (3 ms).
SAME_TOWN = CompiledShape(_same_town)
SHARING_TOPICS = CompiledShape(_sharing_topics)


class CaseStudyIndexPage(FeedMixin, IndexPage):
    """`/retours-d-experience/`: every case study, filtered by axis, place, phase or tag."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]

    class Meta:
        verbose_name = "liste des retours d’expérience"
        verbose_name_plural = "listes des retours d’expérience"

    def case_studies(self) -> QuerySet["CaseStudyPage"]:
        """The published case studies under this page (`listed_under`)."""
        return CaseStudyPage.objects.published().listed_under(self.path, self.depth)

    def feed_items(self) -> QuerySet["CaseStudyPage"]:
        return self.case_studies().newest_first()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        listing = listing_context(self, request, lambda: filter_case_studies(self, request.GET))
        context.update(listing, case_studies=listing["items"])
        return context


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey(
        "casestudies.CaseStudyPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )

    class Meta:
        verbose_name = "mot-clé d’un retour d’expérience"
        verbose_name_plural = "mots-clés des retours d’expérience"


class CaseStudyPage(ListingMixin, DatedMixin, TaggedTopicsMixin, BasePage):
    """One town's project told for its peers: context, figures, partners, outcomes."""

    town = models.ForeignKey(
        "territories.Town",
        on_delete=models.PROTECT,
        related_name="case_studies",
        verbose_name="ville",
    )
    phase = models.ForeignKey(
        "programme.Phase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="phase du programme",
        help_text="La phase du programme où en était la ville lors du projet.",
    )
    year = models.PositiveSmallIntegerField(
        "année",
        default=current_year,
        db_index=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="L’année de réalisation ou de lancement du projet.",
    )
    budget = models.PositiveBigIntegerField(
        "budget (en euros)",
        null=True,
        blank=True,
        help_text="Coût total du projet en euros, sans espace ni symbole (par exemple 1250000).",
    )
    financing_partners = ParentalManyToManyField(
        "programme.Partner",
        blank=True,
        related_name="+",
        verbose_name="partenaires financeurs",
    )
    other_financers = models.CharField(
        "autres financeurs",
        max_length=300,
        blank=True,
        help_text="Région, département, Europe (FEDER)… séparés par des virgules.",
    )
    outcomes = RichTextField(
        "résultats",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Ce que le projet a changé, et ce que la ville referait ou ferait autrement.",
    )
    body = StreamField(body_blocks(), blank=True, verbose_name="récit du projet")
    tags = ClusterTaggableManager(
        through=CaseStudyTag,
        blank=True,
        verbose_name="mots-clés",
        help_text="Quelques mots-clés : « OPAH-RU », « quartier de gare »…",
    )

    content_panels = [
        *Page.content_panels,
        *ListingMixin.listing_panels,
        MultiFieldPanel(
            [FieldPanel("town"), FieldRowPanel([FieldPanel("phase"), FieldPanel("year")])],
            heading="Le projet",
        ),
        MultiFieldPanel(
            [
                FieldPanel("budget"),
                FieldPanel("financing_partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("other_financers"),
            ],
            heading="Financement",
        ),
        FieldPanel("outcomes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [*TaggedTopicsMixin.topic_panels, FieldPanel("tags")], heading="Classement"
        ),
        *DatedMixin.date_panels,
    ]
    search_fields = [
        *Page.search_fields,
        *ListingMixin.search_fields,
        *DatedMixin.search_fields,
        *TaggedTopicsMixin.search_fields,
        index.SearchField("outcomes"),
        index.SearchField("body"),
        index.SearchField("other_financers"),
        index.RelatedFields("town", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("town"),
        index.FilterField("year"),
    ]
    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(CaseStudyPageQuerySet)()
    # The town (with its department and region) and the phase the page shows.
    served_with = ("town__department__region", "phase")

    class Meta:
        verbose_name = "retour d’expérience"
        verbose_name_plural = "retours d’expérience"

    def town_with_geography(self) -> Town:
        """The town with its department and region: read with the page when it was served,
        else (a preview, a page read otherwise) in one query."""
        if CaseStudyPage.town.is_cached(self):
            return self.town
        return Town.objects.with_geography().get(pk=self.town_id)

    @property
    def budget_display(self) -> str:
        return format_euros(self.budget) if self.budget is not None else ""

    @property
    def card_detail(self) -> str:
        return f"{self.town.name} · {self.year}"

    def related_case_studies(self, topics: Sequence[Topic], limit: int) -> list["CaseStudyPage"]:
        """Other case studies of the same town first, then of the same axes or themes
        (`topics`: the page's own, which it shows anyway, so the subquery reads the link
        table alone)."""
        hidden = hidden_paths()
        related = SAME_TOWN.rows(self.pk, self.town_id, hidden=hidden, limit=limit)
        if topics and len(related) < limit:
            related += SHARING_TOPICS.rows(
                self.pk,
                self.town_id,
                [topic.pk for topic in topics],
                hidden=hidden,
                limit=limit - len(related),
            )
        prefetch_related_objects(related, card_renditions())
        return related

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        topics = lazy(lambda: linked(self, "topics", request))
        context["town"] = lazy(lambda: self.town_with_geography())
        context["topics"] = topics
        context["partners"] = lazy(lambda: linked(self, "financing_partners", request))
        context["tags"] = lazy(lambda: linked(self, "tags", request))
        context["listing_url"] = lazy(lambda: self.get_parent().get_url(request=request))
        context["related_studies"] = lazy(lambda: self.related_case_studies(list(topics), limit=3))
        return context
