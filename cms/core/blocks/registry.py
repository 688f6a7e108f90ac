"""The block lists page types use, composed from the families and grouped for editors."""

from wagtail import blocks

from .layout import AccordionBlock, KeyFiguresBlock, TableBlock
from .links import LinksBlock
from .media import DocumentBlock, FigureBlock, VideoBlock
from .text import CalloutBlock, HeadingBlock, ParagraphBlock, QuoteBlock

TEXT = "Texte"
MEDIA = "Médias"
LAYOUT = "Mise en forme"
LINKS = "Liens"


def body_blocks() -> list[tuple[str, blocks.Block]]:
    """The full set for article-like pages (guides, case studies, news, legal pages)."""
    return [
        ("heading", HeadingBlock(group=TEXT)),
        ("paragraph", ParagraphBlock(group=TEXT)),
        ("quote", QuoteBlock(group=TEXT)),
        ("callout", CalloutBlock(group=TEXT)),
        ("image", FigureBlock(group=MEDIA)),
        ("document", DocumentBlock(group=MEDIA)),
        ("video", VideoBlock(group=MEDIA)),
        ("accordion", AccordionBlock(group=LAYOUT)),
        ("table", TableBlock(group=LAYOUT)),
        ("key_figures", KeyFiguresBlock(group=LAYOUT)),
        ("links", LinksBlock(group=LINKS)),
    ]
