"""Helpers the demo-data loaders share: idempotent page creation and generated media.

Demo images and documents are generated here (no file is shipped, nothing is fetched).
"""

import io
from typing import Any, TypeVar

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

PageT = TypeVar("PageT", bound=Page)

PALETTE = {
    "bleu": (0, 0, 145),
    "rouge": (225, 0, 15),
    "vert": (24, 117, 60),
    "ocre": (193, 123, 0),
    "violet": (110, 68, 92),
    "gris": (98, 98, 98),
    "turquoise": (0, 124, 125),
}


def child_page(parent: Page, model: type[PageT], slug: str, **fields: Any) -> PageT:
    """The child of `parent` with this slug, created and published if it does not exist yet.

    An existing page is returned untouched: editors' changes are never overwritten.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def demo_image(title: str, colour: str = "bleu", size: tuple[int, int] = (1200, 675)) -> Image:
    """A simple generated illustration (blocks of colour), created once per title."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    base = PALETTE.get(colour, PALETTE["bleu"])
    canvas = PILImage.new("RGB", size, (245, 245, 254))
    draw = ImageDraw.Draw(canvas)
    width, height = size
    for index in range(6):
        shade = tuple(min(255, channel + index * 28) for channel in base)
        left = index * width // 7
        top = height // 3 + (index % 3) * height // 12
        draw.rectangle([left, top, left + width // 8, height], fill=shade)
    draw.ellipse(
        [width * 0.7, height * 0.1, width * 0.85, height * 0.1 + width * 0.15], fill=(255, 202, 0)
    )
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    image = Image(title=title)
    image.file.save(f"{slugify_filename(title)}.jpg", ContentFile(buffer.getvalue()), save=False)
    # FieldFile.save() does not fill Wagtail's width/height here (NOT NULL columns).
    image.width, image.height = canvas.size
    image.save()
    return image


def demo_pdf(title: str, lines: list[str]) -> Document:
    """A small valid PDF document with the given text lines, created once per title."""
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(
        f"{slugify_filename(title)}.pdf", ContentFile(_pdf_bytes([title, "", *lines])), save=False
    )
    document.save()
    return document


def slugify_filename(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title)[:80] or "fichier"


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_bytes(lines: list[str]) -> bytes:
    """One A4 page of Helvetica text; WinAnsi covers French accents."""
    text_ops = ["BT", "/F1 12 Tf", "14 TL", "56 780 Td"]
    for line in lines:
        text_ops.append(f"({_pdf_escape(line)}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()
