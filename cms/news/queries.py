from django.db.models import QuerySet


def latest_news(limit: int) -> QuerySet:
    from .models import NewsPage

    return NewsPage.objects.live().public().order_by("-published_on")[:limit]
