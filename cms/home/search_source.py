"""Simple pages (legal pages…) in the portal's search; cms.core itself stays free of it."""

from cms.core.models import StandardPage
from search import registry
from search.pages import PagePrivacySource, PageSource


class StandardPageSource(PageSource):
    model = StandardPage
    types = {"page": "Page"}


registry.register(StandardPageSource())
registry.register(PagePrivacySource())
