"""Daily: directory entries whose mandate began or ended lately are indexed or removed from
the portal's search. A date passing saves nothing, so no signal would do it."""

import datetime

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from search import indexing

from .models import DirectoryEntry

#: How far back a run looks, so that missed runs (a stopped beat) are caught up.
LOOKBACK_DAYS = 7


@shared_task
def refresh_mandates_in_search() -> int:
    """Reindex the entries whose mandate began or ended in the last LOOKBACK_DAYS; returns
    how many were looked at."""
    today = timezone.localdate()
    since = today - datetime.timedelta(days=LOOKBACK_DAYS)
    changed = DirectoryEntry.objects.filter(
        Q(mandate_end__gte=since, mandate_end__lt=today)
        | Q(mandate_start__gt=since, mandate_start__lte=today)
    ).values_list("pk", flat=True)
    references = [(DirectoryEntry._meta.label, pk) for pk in changed]
    if references:
        indexing.update_now(references)
    return len(references)
