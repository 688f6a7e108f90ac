"""Media family: images with alternative text, documents to download, videos with transcript."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .text import RICH_TEXT_FEATURES


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Image")
    alt_text = blocks.CharBlock(
        label="Texte alternatif",
        required=False,
        max_length=250,
        help_text="Décrivez ce que l’image apporte au contenu. Laissez vide si l’image est décorative.",
    )
    decorative = blocks.BooleanBlock(label="Image décorative", required=False)
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image.html"
        description = "Une image avec son texte alternatif et sa légende."

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Donnez un texte alternatif, ou cochez « Image décorative »."
                    )
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Intitulé du lien", required=False, max_length=200,
        help_text="Par défaut, le titre du document.",
    )
    description = blocks.CharBlock(label="Description", required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = "Document à télécharger"
        template = "blocks/document.html"
        description = "Un fichier à télécharger ; son format et sa taille sont affichés."


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de la vidéo", max_length=200)
    video = EmbedBlock(label="Adresse de la vidéo", help_text="YouTube, Vimeo ou Dailymotion.")
    transcript = blocks.RichTextBlock(
        label="Transcription",
        features=RICH_TEXT_FEATURES,
        help_text="Obligatoire pour l’accessibilité : le texte de ce qui est dit et montré.",
    )

    class Meta:
        icon = "media"
        label = "Vidéo"
        template = "blocks/video.html"
        description = "Une vidéo intégrée, toujours accompagnée de sa transcription."
