"""Media family: images with alternative text, documents to download, videos with transcript."""

import html
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock

from .ids import UniqueIdMixin
from .text import RICH_TEXT_FEATURES

# The players the Content-Security-Policy lets the portal frame (`frame-src`).
PLAYER_HOSTS = frozenset({"www.youtube-nocookie.com", "player.vimeo.com", "www.dailymotion.com"})
# YouTube's own player sets tracking cookies: its cookie-less twin serves the same videos.
HOST_REPLACEMENTS = {
    "www.youtube.com": "www.youtube-nocookie.com",
    "youtube.com": "www.youtube-nocookie.com",
}
IFRAME_SRC = re.compile(r"""<iframe[^>]*\ssrc=["']([^"']+)["']""", re.IGNORECASE)


class FigureBlock(blocks.StructBlock):
    """Wagtail's own `ImageBlock` (alternative text, « décorative », the image's description
    offered as the default text) with a caption."""

    image = ImageBlock(label="Image")
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image.html"
        description = "Une image avec son texte alternatif et sa légende."


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Intitulé du lien",
        required=False,
        max_length=200,
        help_text="Par défaut, le titre du document.",
    )
    description = blocks.CharBlock(label="Description", required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = "Document à télécharger"
        template = "blocks/document.html"
        description = "Un fichier à télécharger ; son format et sa taille sont affichés."


def player_url(url: str) -> str | None:
    """The address of the provider's player for a video page, or None if it cannot be framed.

    Wagtail's `Embed` table caches what the provider answered, so rendering a page asks the
    provider only once per video; only players the CSP allows are kept.
    """
    try:
        embed = embeds.get_embed(url)
    except EmbedException:
        return None
    match = IFRAME_SRC.search(embed.html)
    if not match:
        return None
    parts = urlsplit(html.unescape(match.group(1)))
    host = HOST_REPLACEMENTS.get(parts.hostname or "", parts.hostname)
    if parts.scheme != "https" or host not in PLAYER_HOSTS:
        return None
    return urlunsplit(("https", host, parts.path, parts.query, ""))


class VideoBlock(UniqueIdMixin, blocks.StructBlock):
    id_prefix = "video"

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

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        context["player_url"] = player_url(value["video"].url) if value.get("video") else None
        return context
