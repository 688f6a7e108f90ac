"""Layout family: accordions, tables and key figures."""

from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from .ids import UniqueIdMixin
from .text import HEADING_LEVELS, RICH_TEXT_FEATURES


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=200)
    body = blocks.RichTextBlock(label="Contenu", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-empty"
        label = "Section"


class AccordionBlock(UniqueIdMixin, blocks.StructBlock):
    id_prefix = "accordeon"

    heading_level = blocks.ChoiceBlock(
        label="Niveau des titres des sections",
        choices=HEADING_LEVELS,
        default="h3",
        help_text="Un niveau sous celui de l’intertitre qui précède l’accordéon.",
    )
    items = blocks.ListBlock(AccordionItemBlock(), label="Sections", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordéon"
        template = "blocks/accordion.html"
        description = "Des sections repliables, pour les questions fréquentes par exemple."
        preview_value = {
            "heading_level": "h3",
            "items": [
                {
                    "title": "Qu’est-ce qu’une ORT ?",
                    "body": "<p>Une opération de revitalisation.</p>",
                },
                {"title": "Qui la signe ?", "body": "<p>La commune, l’EPCI et l’État.</p>"},
            ],
        }


class TableBlock(WagtailTableBlock):
    """Wagtail's table editor, rendered as a DSFR table; its caption is mandatory."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("table_options", {"startRows": 3, "startCols": 3, "renderer": "text"})
        kwargs.setdefault(
            "help_text",
            "Donnez un titre au tableau et indiquez quelles cellules sont des en-têtes : "
            "les lecteurs d’écran les annoncent.",
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "table"
        label = "Tableau"
        template = "blocks/table.html"
        description = "Un tableau de données avec son titre et ses en-têtes."

    def clean(self, value: dict) -> dict:
        value = super().clean(value)
        if value and not (value.get("table_caption") or "").strip():
            raise ValidationError(
                "Donnez un titre au tableau : il est annoncé aux lecteurs d’écran."
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label="Chiffre",
        max_length=30,
        help_text="Par exemple « 245 » ou « 5 Md€ ».",
    )
    label = blocks.CharBlock(label="Libellé", max_length=150)

    class Meta:
        icon = "order"
        label = "Chiffre clé"
        description = "Un chiffre et ce qu’il mesure."


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label="Chiffres", min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = "Chiffres clés"
        template = "blocks/key_figures.html"
        description = "Jusqu’à six chiffres clés, en grand, avec leur libellé."
        preview_value = {
            "title": "Le programme en chiffres",
            "figures": [
                {"figure": "245", "label": "communes bénéficiaires"},
                {"figure": "5 Md€", "label": "mobilisés sur cinq ans"},
            ],
        }
