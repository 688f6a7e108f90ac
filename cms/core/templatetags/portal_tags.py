"""Template helpers for public pages."""

from collections.abc import Iterator

from django import template
from django.core.paginator import Paginator
from django.template.defaultfilters import filesizeformat
from wagtail.documents.models import AbstractDocument

register = template.Library()


@register.filter
def document_details(document: AbstractDocument) -> str:
    """« PDF – 1,2 Mo »: DSFR asks for the format and size next to every download."""
    extension = document.file_extension.upper() if document.file_extension else "Fichier"
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return f"{extension} – {filesizeformat(size)}" if size else extension


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.filter
def page_range(paginator: Paginator, number: int) -> Iterator[int | str]:
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
