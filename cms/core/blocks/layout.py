"""Layout family: accordions, tables and key figures."""

from typing import Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
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
        description = "Un tableau de données avec son titre et ses en-têtes."

    def render(self, value: dict | None, context: dict | None = None) -> SafeString:
        """The DSFR table, written in Python: Wagtail's table template calls two template
        tags per cell, which made one table cost more than the rest of a guide's body."""
        if not value:
            return super().render(value, context)
        return _table_html(value)

    def clean(self, value: dict) -> dict:
        value = super().clean(value)
        if value and not (value.get("table_caption") or "").strip():
            raise ValidationError(
                "Donnez un titre au tableau : il est annoncé aux lecteurs d’écran."
            )
        return value


# The markup Wagtail's `TableBlock` template gave, whitespace included (a DSFR table whose
# container is focusable so that keyboard users can scroll a wide table).
_TABLE = """<div class="fr-table fr-table--multiline fr-my-4w">
  <div class="fr-table__wrapper"><div class="fr-table__container" tabindex="0" role="region" \
aria-label="{caption}"><div class="fr-table__content">
    <table>
      <caption>{caption}</caption>
      {head}
      <tbody>
        {rows}
      </tbody>
    </table>
  </div></div></div>
</div>
"""
_HEAD = """
        <thead>
          <tr>
            {}
          </tr>
        </thead>
      """
_ROW = """
          <tr>
            {}
          </tr>
        """


_COLUMN_HEADER = '<th scope="col" {}>{}</th>'
_ROW_HEADER = '<th scope="row" {}>{}</th>'
_CELL = "<td {}>{}</td>"


def _table_html(value: dict) -> SafeString:
    """`value` as Wagtail's table block stores it: its rows (the first one the header if
    `first_row_is_table_header`), cells hidden or spanning others (`cell`, `mergeCells`,
    whose row numbers count the header row)."""
    rows = value.get("data") or []
    header = rows[0] if rows and value.get("first_row_is_table_header", False) else None
    first_col_is_header = value.get("first_col_is_header", False)
    hidden = {(meta["row"], meta["col"]) for meta in value.get("cell") or () if meta.get("hidden")}
    spans = {
        (merge["row"], merge["col"]): format_html(
            'rowspan="{}" colspan="{}"', merge["rowspan"], merge["colspan"]
        )
        for merge in value.get("mergeCells") or ()
    }

    def cells(row: list, index: int, in_header: bool) -> SafeString:
        html = []
        for column, cell in enumerate(row):
            if (index, column) in hidden:
                continue
            if in_header:
                template = _COLUMN_HEADER
            elif first_col_is_header and column == 0:
                template = _ROW_HEADER
            else:
                template = _CELL
            text = linebreaksbr("" if cell is None else cell, autoescape=True)
            html.append(format_html(template, spans.get((index, column), ""), text))
        return mark_safe("".join(html))  # each part built by format_html

    body = rows[1:] if header else rows
    offset = 0 if header is None else 1
    return format_html(
        _TABLE,
        caption=value.get("table_caption"),
        head=format_html(_HEAD, cells(header, 0, in_header=True)) if header else "",
        rows=mark_safe(
            "".join(
                format_html(_ROW, cells(row, index + offset, in_header=False))
                for index, row in enumerate(body)
            )
        ),
    )


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
