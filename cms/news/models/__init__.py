from .news import NewsIndexPage, NewsPage, NewsPageTag
from .press import PressContact, PressIndexPage, PressKit, PressReleaseDocument, PressReleasePage

__all__ = [
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PressContact",
    "PressIndexPage",
    "PressKit",
    "PressReleaseDocument",
    "PressReleasePage",
]
