"""Per-issue figures for staff, and the chart over past issues (server-drawn SVG, no script)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Delivery, Issue

D = Delivery.Status


@dataclass(frozen=True)
class IssueStats:
    issue: Issue
    recipients: int
    pending: int
    sent: int
    failed: int
    uncertain: int
    bounced: int
    unsubscribed: int


def _aggregate() -> dict:
    return {
        "recipients": Count("pk"),
        "pending": Count("pk", filter=Q(status__in=[D.PENDING, D.SENDING])),
        "sent": Count("pk", filter=Q(status=D.SENT)),
        "failed": Count("pk", filter=Q(status=D.FAILED)),
        "uncertain": Count("pk", filter=Q(status=D.UNCERTAIN)),
        "bounced": Count("pk", filter=Q(bounced=True)),
        "unsubscribed": Count("pk", filter=Q(unsubscribed=True)),
    }


def issue_stats(issue: Issue) -> IssueStats:
    return IssueStats(issue, **Delivery.objects.filter(issue=issue).aggregate(**_aggregate()))


def past_issues_stats(limit: int = 12) -> list[IssueStats]:
    """The last sent issues, oldest first, in two queries whatever their number."""
    issues = list(Issue.objects.sent()[:limit])[::-1]
    rows = {
        row["issue_id"]: row
        for row in Delivery.objects.filter(issue__in=issues)
        .values("issue_id")
        .annotate(**_aggregate())
    }
    empty = dict.fromkeys(_aggregate(), 0)
    return [
        IssueStats(issue, **{k: v for k, v in rows.get(issue.pk, empty).items() if k in empty})
        for issue in issues
    ]


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    label: str
    value: int


def chart_bars(stats: list[IssueStats], *, height: int = 160, width: int = 48) -> list[Bar]:
    peak = max((s.sent for s in stats), default=0) or 1
    bars = []
    for index, s in enumerate(stats):
        h = round(s.sent / peak * height)
        bars.append(Bar(index * (width + 16) + 8, height - h + 8, h, s.issue.title, s.sent))
    return bars
