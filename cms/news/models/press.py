"""The press space: contacts, press kits and press releases, with an RSS feed."""

import re
from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from cms.core.blocks.registry import body_blocks
from cms.core.feeds import FeedMixin
from cms.core.fragments import lazy
from cms.core.models import BasePage, DatedMixin, IndexPage, ListingMixin
from cms.core.querysets import DatedPageQuerySet

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 .()-]{5,}$",
    "Saisissez un numéro de téléphone, par exemple 01 23 45 67 89.",
)


class PressIndexPage(FeedMixin, IndexPage):
    """« Espace presse »: who to call, what to download, and the press releases."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.PressReleasePage"]

    content_panels = [
        *IndexPage.content_panels,
        InlinePanel("contacts", heading="Contacts presse", label="Contact"),
        InlinePanel("kits", heading="Dossiers de presse", label="Dossier de presse"),
    ]

    class Meta:
        verbose_name = "espace presse"

    def releases(self) -> QuerySet["PressReleasePage"]:
        return (
            PressReleasePage.objects.published().listed_under(self.path, self.depth).newest_first()
        )

    def feed_items(self) -> QuerySet["PressReleasePage"]:
        return self.releases()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(
            page_obj=lazy(lambda: self.paginate(request, self.releases())),
            contacts=lazy(lambda: list(self.contacts.all())),
            kits=lazy(lambda: list(self.kits.select_related("document"))),
        )
        return context


class PressContact(Orderable):
    page = ParentalKey(PressIndexPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(
        "nom",
        max_length=200,
        help_text="Le nom d’un service (« Service presse ») ou d’une personne qui a donné "
        "son accord pour être citée.",
    )
    role = models.CharField("fonction", max_length=200, blank=True)
    email = models.EmailField("adresse électronique", blank=True)
    phone = models.CharField(
        "téléphone",
        max_length=30,
        blank=True,
        validators=[PHONE_VALIDATOR],
        help_text="Par exemple « 01 23 45 67 89 » ou « +33 1 23 45 67 89 ».",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "contact presse"
        verbose_name_plural = "contacts presse"

    def __str__(self) -> str:
        return self.name

    @property
    def phone_uri(self) -> str:
        """The number as a `tel:` link wants it: digits and a leading +."""
        return re.sub(r"[^\d+]", "", self.phone)


class PressKit(Orderable):
    page = ParentalKey(PressIndexPage, on_delete=models.CASCADE, related_name="kits")
    title = models.CharField("titre", max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="document",
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "dossier de presse"
        verbose_name_plural = "dossiers de presse"

    def __str__(self) -> str:
        return self.title


class PressReleasePage(ListingMixin, DatedMixin, BasePage):
    body = StreamField(body_blocks(), blank=True, verbose_name="contenu")

    content_panels = [
        *Page.content_panels,
        *DatedMixin.date_panels,
        *ListingMixin.listing_panels,
        FieldPanel("body"),
        InlinePanel("documents", heading="Documents joints", label="Document"),
    ]
    search_fields = [
        *Page.search_fields,
        *ListingMixin.search_fields,
        *DatedMixin.search_fields,
        index.SearchField("body"),
    ]
    parent_page_types = ["news.PressIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(DatedPageQuerySet)()

    class Meta:
        verbose_name = "communiqué de presse"
        verbose_name_plural = "communiqués de presse"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = lazy(lambda: list(self.documents.select_related("document")))
        # Journalists reading a release look for whom to call: the press space's contacts.
        parent_path = self.path[: -self.steplen]
        context["contacts"] = lazy(
            lambda: list(PressContact.objects.filter(page__path=parent_path))
        )
        return context


class PressReleaseDocument(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="document",
    )
    title = models.CharField(
        "intitulé du lien",
        max_length=200,
        blank=True,
        help_text="Par défaut, le titre du document.",
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "document joint"
        verbose_name_plural = "documents joints"
