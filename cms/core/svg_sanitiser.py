"""Uploaded SVG images reduced to drawing: no scripts, handlers, foreign content or outside refs.

An SVG is a document, not a picture: opened directly it can run scripts, and even inside an
`<img>` it may pull outside resources. Uploads keep only an allowlist of SVG elements and
presentation attributes; links may only point inside the image (`#id`). A file that is not
plain SVG XML (a DOCTYPE or entity declaration, another root element, broken XML) is refused.
"""

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ALLOWED_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
        "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
        "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
        "style",
    }
)  # fmt: skip
LINK_ATTRIBUTES = frozenset({"href", f"{{{XLINK_NS}}}href"})
# url(...) that leaves the document, and anything that loads or runs something in CSS.
_EXTERNAL_URL = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
_DANGEROUS_CSS = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:", re.IGNORECASE)


class UnsafeSVG(ValueError):
    """The file cannot be made a safe SVG image; `message` says why, in French."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def is_svg_name(name: str) -> bool:
    return name.lower().endswith(".svg")


def sanitise_svg(data: bytes) -> bytes:
    """The SVG `data` with everything but drawing removed; raises `UnsafeSVG` if impossible."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnsafeSVG(
            "Ce fichier SVG contient des déclarations (DOCTYPE ou entités) qui ne sont pas "
            "acceptées. Enregistrez-le en « SVG simple » et réessayez."
        ) from exc
    except ET.ParseError as exc:
        raise UnsafeSVG("Ce fichier SVG est illisible : son contenu XML est invalide.") from exc
    if root.tag != f"{{{SVG_NS}}}svg":
        raise UnsafeSVG("Ce fichier n’est pas une image SVG : son élément racine n’est pas <svg>.")
    _clean(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _local_name(tag: str) -> str | None:
    """The SVG element name, or None for an element of another namespace (or a comment)."""
    if not isinstance(tag, str) or not tag.startswith(f"{{{SVG_NS}}}"):
        return None
    return tag[len(SVG_NS) + 2 :]


def _clean(element: ET.Element) -> None:
    for child in list(element):
        if _local_name(child.tag) not in ALLOWED_ELEMENTS:
            tail = child.tail
            element.remove(child)
            if tail and tail.strip():
                element.text = (element.text or "") + tail
            continue
        _clean(child)
    for name, value in list(element.attrib.items()):
        if not _attribute_is_safe(name, value):
            del element.attrib[name]
    css = element.text if _local_name(element.tag) == "style" else None
    if css and (_DANGEROUS_CSS.search(css) or _EXTERNAL_URL.search(css)):
        element.text = ""


def _attribute_is_safe(name: str, value: str) -> bool:
    if name in LINK_ATTRIBUTES:
        return value.strip().startswith("#")
    if name.startswith("{"):
        # Only xml:space/xml:lang outside the SVG namespace: editors' metadata goes.
        return name.startswith(f"{{{XML_NS}}}")
    if name.lower().startswith("on"):
        return False
    return not (_DANGEROUS_CSS.search(value) or _EXTERNAL_URL.search(value))
