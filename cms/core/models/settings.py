"""Site-wide options editors change in « Paramètres »: identity, notice banner, menus."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from cms.core.blocks.links import LinkBlock


class MenuItemBlock(blocks.StructBlock):
    link = LinkBlock(label="Lien principal")
    children = blocks.ListBlock(
        LinkBlock(),
        label="Sous-menu",
        required=False,
        default=[],
        help_text="Facultatif : des liens affichés dans un menu déroulant.",
    )

    class Meta:
        icon = "list-ul"
        label = "Entrée de menu"


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label="Réseau",
        choices=[
            ("linkedin", "LinkedIn"),
            ("x", "X"),
            ("facebook", "Facebook"),
            ("youtube", "YouTube"),
            ("instagram", "Instagram"),
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
        ],
    )
    url = blocks.URLBlock(label="Adresse")

    class Meta:
        icon = "site"
        label = "Réseau social"


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    tagline = models.CharField(
        "devise du site",
        max_length=200,
        default="Le portail du programme national Action cœur de ville",
    )
    operator_name = models.CharField(
        "opérateur",
        max_length=200,
        default="Agence nationale de la cohésion des territoires",
    )
    footer_description = models.TextField(
        "texte du pied de page",
        blank=True,
        default="Cœur de ville est le portail de ressources et la plateforme communautaire "
        "du programme Action cœur de ville, piloté par l’Agence nationale de la "
        "cohésion des territoires.",
    )
    notice_enabled = models.BooleanField("afficher le bandeau d’information", default=False)
    notice_title = models.CharField("titre du bandeau", max_length=200, blank=True)
    notice_text = models.CharField("texte du bandeau", max_length=300, blank=True)
    notice_link = models.URLField("lien du bandeau", blank=True)
    notice_link_label = models.CharField("intitulé du lien", max_length=80, blank=True)
    social_links = StreamField(
        [("social", SocialLinkBlock())], blank=True, verbose_name="réseaux sociaux"
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("tagline"), FieldPanel("operator_name"), FieldPanel("footer_description")],
            heading="Identité",
        ),
        MultiFieldPanel(
            [
                HelpPanel("Le bandeau s’affiche sous l’en-tête de toutes les pages."),
                FieldPanel("notice_enabled"),
                FieldPanel("notice_title"),
                FieldPanel("notice_text"),
                FieldPanel("notice_link"),
                FieldPanel("notice_link_label"),
            ],
            heading="Bandeau d’information importante",
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = "réglages du portail"


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    main_menu = StreamField([("item", MenuItemBlock())], blank=True, verbose_name="menu principal")
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name="liens du pied de page",
        help_text="Mentions légales, accessibilité, données personnelles…",
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_links")]

    class Meta:
        verbose_name = "menus"
