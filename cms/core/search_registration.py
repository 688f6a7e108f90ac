"""Registers the core's search sources (simple pages, page privacy)."""

from search import registry

from .models import StandardPage
from .search_source import PagePrivacySource, PageSource


class StandardPageSource(PageSource):
    model = StandardPage
    types = {"page": "Page"}


registry.register(StandardPageSource())
registry.register(PagePrivacySource())
