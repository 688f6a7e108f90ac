"""Template helpers for public pages."""

from collections.abc import Iterator
from typing import Any

from django import template
from django.core.paginator import Paginator
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.documents.models import AbstractDocument

from cms.core.cards import render_card
from cms.core.chrome_menu import render_main_menu
from cms.core.fragments import remember

register = template.Library()


@register.filter
def document_details(document: AbstractDocument) -> str:
    """« PDF – 1,2 Mo »: DSFR asks for the format and size next to every download."""
    extension = document.file_extension.upper() if document.file_extension else "Fichier"
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return f"{extension} – {french_file_size(size)}" if size else extension


def french_file_size(size: int) -> str:
    """Sizes as French readers write them: « 850 octets », « 12 ko », « 1,4 Mo »."""
    if size < 1000:
        return f"{size} octets"
    value, unit = size / 1000, "ko"
    for bigger in ("Mo", "Go"):
        if round(value) < 1000:
            break
        value, unit = value / 1000, bigger
    text = f"{value:.0f}" if value >= 10 else f"{value:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text}\u00a0{unit}"


@register.filter
def page_range(paginator: Paginator, number: int) -> Iterator[int | str]:
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def page_card(
    context: template.Context,
    item: Any,
    heading_level: str = "",
    badge: Any = "",
    detail: Any = "",
) -> SafeString:
    """`{% page_card item heading_level="h2" badge=… detail=… %}`: a listed page's card."""
    return render_card(item, context.get("request"), heading_level, badge, detail)


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> SafeString:
    """`{% main_menu %}`: the header's main menu, the current page marked (`chrome_menu`)."""
    chrome, request = context.get("chrome"), context.get("request")
    if chrome is None:  # a template rendered without the portal's context processor
        return SafeString()
    return render_main_menu(chrome.main_menu, request.path if request else "")


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


class CachedContentNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        key = context.get("content_cache_key")
        if not key:
            return self.nodelist.render(context)
        return remember(f"page-{self.name}:{key}", lambda: self.nodelist.render(context))


@register.tag
def cached_content(parser: template.base.Parser, token: template.base.Token) -> CachedContentNode:
    """Caches a page's main content when the page says it may (`content_cache_key`).

    The key names the page and what the content depends on; the content version drops it
    whenever anything is published (see `cms.core.fragments`). Expensive context values
    are lazy, so a cache hit runs none of their queries.
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('Usage: {% cached_content "fragment-name" %}')
    nodelist = parser.parse(("endcached_content",))
    parser.delete_first_token()
    return CachedContentNode(bits[1][1:-1], nodelist)


# Stands for the response's CSP nonce in a block rendered once (`rendered_once`).
NONCE_PLACEHOLDER = "cdv-rendered-once-nonce"


class RenderedOnceNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.parts: list[str] | None = None

    def render(self, context: template.Context) -> str:
        nonce = getattr(context.get("request"), "csp_nonce", "")
        if not nonce:  # no response nonce to put in: as written, without one
            with context.push(nonce=""):
                return self.nodelist.render(context)
        if self.parts is None:
            # An empty context: the block cannot show anything of the request or database.
            alone = template.Context({"nonce": NONCE_PLACEHOLDER}, autoescape=context.autoescape)
            alone.template = context.template  # its engine, for the tags inside
            self.parts = self.nodelist.render(alone).split(NONCE_PLACEHOLDER)
        return mark_safe(conditional_escape(nonce).join(self.parts))


@register.tag
def rendered_once(parser: template.base.Parser, token: template.base.Token) -> RenderedOnceNode:
    """`{% rendered_once %}…{% endrendered_once %}`: markup that comes from code alone
    (static file URLs, django-dsfr's head and foot tags), rendered once per process and
    served from memory; the block's `nonce` variable is the response's CSP nonce.

    Nothing read from the database or the request can get in: the block is rendered in an
    empty context, so the off switch of every cache (`fragments`) is not concerned.
    """
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("Usage: {% rendered_once %}…{% endrendered_once %}")
    nodelist = parser.parse(("endrendered_once",))
    parser.delete_first_token()
    return RenderedOnceNode(nodelist)
