from .base import BasePage, IndexPage
from .mixins import DatedMixin, ListingMixin, TaggedTopicsMixin
from .pages import SitemapPage, StandardPage
from .settings import NavigationSettings, PortalSettings

__all__ = [
    "BasePage",
    "DatedMixin",
    "IndexPage",
    "ListingMixin",
    "NavigationSettings",
    "PortalSettings",
    "SitemapPage",
    "StandardPage",
    "TaggedTopicsMixin",
]
