"""What a new issue starts with: the platform's own content since the previous issue.

Small query functions over the content apps' public querysets (never their templates); the
editor then reorders, removes or adds items in the admin before sending.
"""

import datetime
from typing import Any

from django.apps import apps
from django.utils import timezone

from .models import Issue

NEWS_LIMIT = 6
INNOVATION_TOPIC = "innovation"


def page_item(page: Any) -> tuple[str, dict]:
    return ("page", {"page": page, "summary": ""})


def free_item(title: str, text: str = "", url: str = "") -> tuple[str, dict]:
    return ("item", {"title": title, "text": text, "url": url})


def previous_issue_date() -> datetime.datetime | None:
    last = Issue.objects.filter(sent_at__isnull=False).order_by("-sent_at").first()
    return last.sent_at if last else None


def news_since(since: datetime.date) -> list:
    from cms.news.models import NewsPage

    pages = NewsPage.objects.published().filter(published_on__gt=since)
    return list(pages.newest_first()[:NEWS_LIMIT])


def measures_since(since: datetime.datetime) -> list:
    from cms.measures.models import MeasurePage

    pages = MeasurePage.objects.published().filter(first_published_at__gt=since)
    return list(pages.order_by("-first_published_at")[:2])


def case_studies_since(since: datetime.date) -> list:
    from cms.casestudies.models import CaseStudyPage

    studies = CaseStudyPage.objects.published().filter(published_on__gt=since)
    return list(studies.newest_first().prefetch_related("topics"))


def conventions_signed(since: datetime.date, until: datetime.date) -> list:
    from cms.territories.models import Town

    return list(
        Town.objects.filter(convention_signed_on__gt=since, convention_signed_on__lte=until)
        .select_related("department")
        .order_by("convention_signed_on", "name")
    )


def directory_moves(since: datetime.datetime, until: datetime.datetime) -> list[tuple[str, dict]]:
    """Who arrived in and who left the referent directory, from its own query."""
    if not apps.is_installed("community.directory"):
        return []
    from community.directory import moves  # the directory's public query

    found = moves.between(timezone.localdate(since), timezone.localdate(until))
    return [_move_item(entry, "Arrivée", entry.mandate_start) for entry in found.arrivals] + [
        _move_item(entry, "Départ", entry.mandate_end) for entry in found.departures
    ]


def _move_item(entry: Any, move: str, day: datetime.date) -> tuple[str, dict]:
    role = entry.get_role_display()
    return free_item(
        f"{move} : {entry.full_name}, {role}"[:200],
        f"{entry.organisation} — le {day:%d/%m/%Y}.",
        entry.get_absolute_url(),
    )


def prefill(
    issue: Issue, now: datetime.datetime | None = None, since: datetime.datetime | None = None
) -> Issue:
    """Fill the sections with what was published since the previous issue (or `since`)."""
    now = now or timezone.now()
    since = since or previous_issue_date() or now - datetime.timedelta(days=31)
    since_day, today = timezone.localdate(since), timezone.localdate(now)
    issue.covers_since = since
    issue.national_news = [page_item(p) for p in news_since(since_day)]
    issue.focus = [page_item(p) for p in measures_since(since)]
    projects = [
        free_item(
            f"Convention signée : {town.name} ({town.department.name})",
            f"Convention signée le {town.convention_signed_on:%d/%m/%Y}.",
            town.get_absolute_url(),
        )
        for town in conventions_signed(since_day, today)
    ]
    studies = case_studies_since(since_day)
    innovations = [s for s in studies if any(t.slug == INNOVATION_TOPIC for t in s.topics.all())]
    projects += [page_item(s) for s in studies if s not in innovations]
    issue.projects = projects
    issue.innovations = [page_item(s) for s in innovations]
    issue.community_moves = directory_moves(since, now)
    return issue
