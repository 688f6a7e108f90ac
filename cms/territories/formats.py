"""French typography for figures and dates (used by templates and meta descriptions)."""

import datetime

from django.utils.dateformat import format as format_date

NARROW_NO_BREAK_SPACE = "\u202f"


def thousands(value: int | None) -> str:
    """« 22 395 » with a narrow no-break space, as French typography wants (not a comma)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", NARROW_NO_BREAK_SPACE)


def long_date(value: datetime.date | None) -> str:
    """« 1er octobre 2018 », « 28 septembre 2018 »."""
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {format_date(value, 'F Y')}"
