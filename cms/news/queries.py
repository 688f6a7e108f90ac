"""What other parts of the portal list from news and press; each query is flat in count."""

from django.db.models import QuerySet

from cms.core.cards import with_card_images

NEWEST_FIRST = ("-published_on", "-pk")


def latest_news(limit: int) -> QuerySet:
    """The `limit` most recent live and public news items, ready for cards."""
    from .models import NewsPage

    return with_card_images(NewsPage.objects.live().public().order_by(*NEWEST_FIRST))[:limit]


def news_for_topic(topic_id: int, limit: int) -> QuerySet:
    from .models import NewsPage

    news = NewsPage.objects.live().public().filter(topics=topic_id).order_by(*NEWEST_FIRST)
    return with_card_images(news)[:limit]


def news_for_town(town_id: int, limit: int) -> QuerySet:
    from .models import NewsPage

    news = NewsPage.objects.live().public().filter(towns=town_id).order_by(*NEWEST_FIRST)
    return with_card_images(news)[:limit]


def news_index_url() -> str | None:
    """The « Actualités » listing's URL, or None while it is not published."""
    from .models import NewsIndexPage

    index = NewsIndexPage.objects.live().public().first()
    return index.get_url() if index else None
