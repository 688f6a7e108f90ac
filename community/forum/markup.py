"""Posts are written in a small Markdown subset, rendered once on save and sanitised.

Markdown-it renders with raw HTML disabled; bleach then keeps only an allowlist of tags and
attributes, link schemes http, https and mailto, and marks every link
`rel="nofollow ugc noopener"`. The stored HTML is what pages, e-mails and feeds show.
"""

import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre"}
)
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
# Anything before the first ":" that comes ahead of a "/", "?" or "#" is a scheme.
_SCHEME = re.compile(r"^([^/?#]*):")


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if tag != "a" or name not in {"href", "title", "rel"}:
        return False
    if name == "href":
        scheme = _SCHEME.match(value.strip())
        # Obfuscated schemes ("java%09script:") are not links we want either.
        return scheme is None or scheme.group(1).lower() in ALLOWED_PROTOCOLS
    return True


ALLOWED_ATTRIBUTES = _allowed_attribute
LINK_REL = "nofollow ugc noopener"

# Headings, images, rules and tables are outside the subset: they render as plain text.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.disable(["heading", "lheading", "image", "hr", "html_block", "html_inline"])


def _set_rel(attrs: dict, new: bool = False) -> dict:
    href_key = (None, "href")
    if href_key not in attrs:
        return attrs
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
)


def render_markdown(source: str) -> str:
    """Markdown subset → safe HTML (the only way post bodies become HTML)."""
    return sanitize_html(_markdown.render(source))


def sanitize_html(html: str) -> str:
    return _cleaner.clean(html).strip()


def quote_markdown(author: str, source: str) -> str:
    """The Markdown that starts a reply quoting a post."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in source.strip().splitlines())
    return f"> **{author}** a écrit :\n{quoted}\n\n"
