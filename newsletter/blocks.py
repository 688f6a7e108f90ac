"""The items an issue's sections are made of: a portal page, or a free item."""

from wagtail import blocks


class PageItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="page du portail")
    summary = blocks.TextBlock(
        label="résumé", required=False, help_text="Laissez vide pour reprendre le chapô de la page."
    )

    class Meta:
        label = "page du portail"
        icon = "doc-full"


class FreeItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", max_length=200)
    text = blocks.TextBlock(label="texte", required=False)
    url = blocks.URLBlock(label="lien", required=False)

    class Meta:
        label = "élément libre"
        icon = "pilcrow"


class SectionBlock(blocks.StreamBlock):
    page = PageItemBlock()
    item = FreeItemBlock()

    class Meta:
        required = False
