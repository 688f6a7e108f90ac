"""Search analytics for editors: what people look for, what finds nothing, what they open."""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import QueryLog


@dataclass(frozen=True)
class Day:
    date: datetime.date
    searches: int
    clicked: int

    @property
    def click_through(self) -> float:
        return self.clicked / self.searches if self.searches else 0.0


def since(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def top_queries(days: int = 30, limit: int = 20) -> list[dict]:
    return list(
        QueryLog.objects.filter(created_at__gte=since(days))
        .values("query")
        .annotate(
            searches=Count("id", distinct=True),
            average_results=Avg("results"),
            clicks=Count("clicks"),
        )
        .order_by("-searches", "query")[:limit]
    )


def zero_result_queries(days: int = 30, limit: int = 20) -> list[dict]:
    return list(
        QueryLog.objects.filter(created_at__gte=since(days), results=0)
        .values("query")
        .annotate(searches=Count("id"))
        .order_by("-searches", "query")[:limit]
    )


def click_through_by_day(days: int = 30) -> list[Day]:
    rows = (
        QueryLog.objects.filter(created_at__gte=since(days))
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(
            searches=Count("id", distinct=True),
            clicked=Count("id", filter=Q(clicks__isnull=False), distinct=True),
        )
        .order_by("day")
    )
    found = {row["day"]: row for row in rows}
    today = timezone.localdate()
    result = []
    for offset in range(days - 1, -1, -1):
        date = today - datetime.timedelta(days=offset)
        row = found.get(date, {"searches": 0, "clicked": 0})
        result.append(Day(date, row["searches"], row["clicked"]))
    return result


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    day: Day


def chart_bars(days: list[Day], width: int = 600, height: int = 160) -> list[Bar]:
    """Bars of the click-through rate per day, scaled to the SVG view box."""
    step = width / max(1, len(days))
    return [
        Bar(
            x=round(index * step + 1, 1),
            y=round(height - day.click_through * height, 1),
            height=round(day.click_through * height, 1),
            day=day,
        )
        for index, day in enumerate(days)
    ]
