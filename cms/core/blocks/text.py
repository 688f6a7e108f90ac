"""Text family: headings with a chosen level, restricted rich text, quotes, callouts."""

from wagtail import blocks

# The only rich-text features editors get: no raw HTML, no inline styling, no headings
# (the heading block sets their level explicitly).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]

HEADING_LEVELS = [
    ("h2", "Titre de niveau 2"),
    ("h3", "Titre de niveau 3"),
    ("h4", "Titre de niveau 4"),
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Texte du titre", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=HEADING_LEVELS,
        default="h2",
        help_text="Respectez la hiérarchie : un titre de niveau 3 suit un titre de niveau 2.",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        template = "blocks/heading.html"
        description = "Un intertitre dont vous choisissez le niveau."
        preview_value = {"text": "Les cinq axes du programme", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("label", "Texte")
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = "Un texte avec gras, italique, listes et liens."
        preview_value = (
            "<p>Le programme accompagne <b>245 communes</b> dans la revitalisation de leur "
            "centre-ville.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citation")
    author = blocks.CharBlock(label="Auteur", required=False, max_length=200)
    role = blocks.CharBlock(label="Fonction de l’auteur", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "blocks/quote.html"
        description = "Une citation mise en valeur, avec son auteur."
        preview_value = {
            "text": "Le centre-ville est l’affaire de tous.",
            "author": "Une directrice de projet",
            "role": "Action cœur de ville",
        }


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    text = blocks.RichTextBlock(label="Texte", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        label = "Mise en avant"
        template = "blocks/callout.html"
        description = "Un encadré qui attire l’attention sur une information clé."
        preview_value = {
            "title": "À retenir",
            "text": "<p>La convention-cadre vaut opération de revitalisation de territoire.</p>",
        }
