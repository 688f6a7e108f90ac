"""What every app's demo loader (`<app>/demo.py`) builds with: its data file, idempotent page
creation, generated media and StreamField blocks in their stored (JSON) form.

The demo prose lives in TOML files beside each loader (`<app>/demo_data/*.toml`); a page body
there is a list of typed blocks (`type = "paragraph"`, `"heading"`, `"image"`…) that
`body_blocks` turns into StreamField values. Demo images and documents are generated here (no
file is shipped, nothing is fetched).
"""

import io
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
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


# --- StreamField blocks, in their stored (JSON) form ---

Block = dict[str, Any]


def heading(text: str, level: str = "h2") -> Block:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> Block:
    return {"type": "paragraph", "value": html}


def bullets(items: Sequence[str], intro: str = "") -> Block:
    lines = "".join(f"<li>{item}</li>" for item in items)
    return paragraph((f"<p>{intro}</p>" if intro else "") + f"<ul>{lines}</ul>")


def callout(title: str, html: str) -> Block:
    return {"type": "callout", "value": {"title": title, "text": html}}


def quote(text: str, author: str, role: str = "") -> Block:
    return {"type": "quote", "value": {"text": text, "author": author, "role": role}}


def image(image_id: int, alt_text: str = "", caption: str = "", decorative: bool = False) -> Block:
    return {
        "type": "image",
        "value": {
            "image": {"image": image_id, "alt_text": alt_text, "decorative": decorative},
            "caption": caption,
        },
    }


def document(document_id: int, title: str = "", description: str = "") -> Block:
    return {
        "type": "document",
        "value": {"document": document_id, "title": title, "description": description},
    }


def video(title: str, url: str, transcript: str) -> Block:
    return {"type": "video", "value": {"title": title, "video": url, "transcript": transcript}}


def accordion(sections: Sequence[tuple[str, str]], level: str = "h3") -> Block:
    return {
        "type": "accordion",
        "value": {
            "heading_level": level,
            "items": [{"title": title, "body": body} for title, body in sections],
        },
    }


def table(
    caption: str,
    rows: Sequence[Sequence[str]],
    *,
    header_row: bool = True,
    header_col: bool = False,
) -> Block:
    choice = {(True, True): "both", (True, False): "row", (False, True): "column"}.get(
        (header_row, header_col), "neither"
    )
    return {
        "type": "table",
        "value": {
            "data": [list(row) for row in rows],
            "table_caption": caption,
            "first_row_is_table_header": header_row,
            "first_col_is_header": header_col,
            "table_header_choice": choice,
        },
    }


def key_figures(title: str, figures: Sequence[tuple[str, str]]) -> Block:
    return {
        "type": "key_figures",
        "value": {
            "title": title,
            "figures": [{"figure": figure, "label": label} for figure, label in figures],
        },
    }


def links(title: str, targets: Sequence[tuple[str, Page | str]]) -> Block:
    return {
        "type": "links",
        "value": {
            "title": title,
            "links": [
                {
                    "label": label,
                    "page": target.pk if isinstance(target, Page) else None,
                    "url": target if isinstance(target, str) else "",
                }
                for label, target in targets
            ],
        },
    }


# --- Typed blocks of the data files ---

Spec = Mapping[str, Any]


def load_data(module_file: str, name: str) -> dict[str, Any]:
    """The TOML data file `demo_data/<name>.toml` beside the loader module `module_file`."""
    with (Path(module_file).parent / "demo_data" / f"{name}.toml").open("rb") as data:
        return tomllib.load(data)


@dataclass
class BlockRefs:
    """Resolves what a data file names: generated images (by title and colour), generated
    documents (by title, their text lines listed in the file) and pages (by their path
    below the home page, e.g. `guides/trois-perimetres-imbriques`)."""

    home: Page
    documents: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def image(self, title: str, colour: str = "bleu") -> Image:
        return demo_image(title, colour)

    def document(self, title: str) -> Document:
        return demo_pdf(title, list(self.documents.get(title, ())))

    def page(self, path: str) -> Page:
        """The page at `path` below the home page (the home page itself for "")."""
        relative = path.strip("/")
        if not relative:
            return self.home
        return Page.objects.get(url_path=f"{self.home.url_path}{relative}/")


def _image_spec(spec: Spec, refs: BlockRefs) -> Block:
    picture = refs.image(spec["image"], spec.get("colour", "bleu"))
    return image(
        picture.pk,
        spec.get("alt_text", ""),
        spec.get("caption", ""),
        spec.get("decorative", False),
    )


def _links_spec(spec: Spec, refs: BlockRefs) -> Block:
    targets = [
        (link["label"], refs.page(link["page"]) if "page" in link else link["url"])
        for link in spec["links"]
    ]
    return links(spec["title"], targets)


BLOCK_SPECS: dict[str, Callable[[Spec, BlockRefs], Block]] = {
    "heading": lambda spec, refs: heading(spec["text"], spec.get("level", "h2")),
    "paragraph": lambda spec, refs: paragraph(spec["html"]),
    "bullets": lambda spec, refs: bullets(spec["items"], spec.get("intro", "")),
    "callout": lambda spec, refs: callout(spec["title"], spec["html"]),
    "quote": lambda spec, refs: quote(spec["text"], spec["author"], spec.get("role", "")),
    "image": _image_spec,
    "document": lambda spec, refs: document(
        refs.document(spec["document"]).pk, spec.get("title", ""), spec.get("description", "")
    ),
    "video": lambda spec, refs: video(spec["title"], spec["url"], spec["transcript"]),
    "accordion": lambda spec, refs: accordion(
        [(item["title"], item["body"]) for item in spec["items"]], spec.get("level", "h3")
    ),
    "table": lambda spec, refs: table(
        spec["caption"],
        spec["rows"],
        header_row=spec.get("header_row", True),
        header_col=spec.get("header_col", False),
    ),
    "key_figures": lambda spec, refs: key_figures(
        spec["title"], [(item["figure"], item["label"]) for item in spec["figures"]]
    ),
    "links": _links_spec,
}


def body_blocks(specs: Sequence[Spec], refs: BlockRefs) -> list[Block]:
    """The StreamField value described by a data file's list of typed blocks."""
    return [BLOCK_SPECS[spec["type"]](spec, refs) for spec in specs]


@dataclass
class DemoContext:
    """What each app's `demo.load_demo(context)` receives from `manage.py load_demo`.

    `pages` holds pages an app offers the others by name (the legal pages for the footer);
    `defer` queues a step to run once every app has loaded (home-page picks need content).
    """

    home: Page
    pages: dict[str, Page] = field(default_factory=dict)
    deferred: list[Callable[[], None]] = field(default_factory=list)

    def defer(self, step: Callable[[], None]) -> None:
        self.deferred.append(step)
