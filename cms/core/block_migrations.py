"""StreamField data migrations shared by the apps whose bodies use `body_blocks()`."""

from typing import Any

from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class ImageToFigureOperation(BaseBlockOperation):
    """Our former image block `{image: id, alt_text, decorative, caption}` becomes the
    figure block around Wagtail's `ImageBlock`: `{image: {image, alt_text, decorative},
    caption}`. Values already in the new shape are left alone, so it can run twice."""

    def apply(self, block_value: dict[str, Any]) -> dict[str, Any]:
        if isinstance(block_value.get("image"), dict):
            return block_value
        return {
            "image": {
                "image": block_value.get("image"),
                "alt_text": block_value.get("alt_text") or "",
                "decorative": bool(block_value.get("decorative")),
            },
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self) -> str:
        return "image_to_figure"
