"""Layout family: accordions, tables and key figures."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from .text import RICH_TEXT_FEATURES


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=200)
    body = blocks.RichTextBlock(label="Contenu", features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label="Sections", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordéon"
        template = "blocks/accordion.html"
        description = "Des sections repliables, pour les questions fréquentes par exemple."


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label="Titre du tableau", max_length=200,
                               help_text="Annoncé aux lecteurs d’écran.")
    table = WagtailTableBlock(
        label="Tableau",
        table_options={"startRows": 3, "startCols": 3, "renderer": "text"},
    )

    class Meta:
        icon = "table"
        label = "Tableau"
        template = "blocks/table.html"
        description = "Un tableau de données avec son titre."


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label="Chiffre", max_length=30, help_text="Par exemple « 245 » ou « 5 Md€ ».")
    label = blocks.CharBlock(label="Libellé", max_length=150)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label="Chiffres", min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = "Chiffres clés"
        template = "blocks/key_figures.html"
        description = "De deux à six chiffres clés, en grand."
