"""Arrivals and departures in the directory, for the newsletter's « qui arrive, qui part »."""

import datetime
from dataclasses import dataclass

from .models import DirectoryEntry


@dataclass(frozen=True)
class Moves:
    arrivals: list[DirectoryEntry]
    departures: list[DirectoryEntry]


def between(start: datetime.date, end: datetime.date) -> Moves:
    """Entries whose mandate began, and those whose mandate ended, from `start` to `end`
    (both included), oldest first."""
    entries = DirectoryEntry.objects.select_related("photo").prefetch_related("towns")
    return Moves(
        arrivals=list(
            entries.filter(mandate_start__range=(start, end)).order_by("mandate_start", "pk")
        ),
        departures=list(
            entries.filter(mandate_end__range=(start, end)).order_by("mandate_end", "pk")
        ),
    )
