"""Link family: internal or external links, with a label screen readers can use."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Intitulé", max_length=200)
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="Adresse externe", required=False)

    class Meta:
        icon = "link"
        label = "Lien"
        template = "blocks/link.html"
        description = "Un lien vers une page du site ou vers un autre site."

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        "Choisissez soit une page du site, soit une adresse externe "
                        "(l’une des deux seulement)."
                    )
                }
            )
        return value


class LinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    links = blocks.ListBlock(LinkBlock(), label="Liens")

    class Meta:
        icon = "list-ul"
        label = "Liste de liens"
        template = "blocks/links.html"
        description = "Une liste de liens utiles, internes ou externes."
