"""Celery tasks: confirmation mails, sending an issue, and the scheduler's tick."""

from celery import shared_task
from django.utils import timezone

from . import sending
from .models import Delivery, Issue


@shared_task(ignore_result=True)
def send_confirmation_mail(subscriber_id: int, record_id: int | None) -> None:
    from .subscriptions import send_confirmation

    send_confirmation(subscriber_id, record_id)


@shared_task(
    ignore_result=True,
    acks_late=True,
    autoretry_for=(ConnectionError, OSError),
    retry_backoff=5,
    max_retries=12,
)
def send_issue(issue_id: int) -> str:
    """Send what is pending; a re-delivered or duplicated task only finds nothing to do.
    A lost SMTP connection retries the task later (rows not handed over are pending again)."""
    return sending.run(issue_id)


@shared_task(ignore_result=True)
def dispatch_due() -> list[int]:
    """Beat's tick (every minute): start issues whose time has come, restart stalled sends.

    An issue scheduled during an outage is still "scheduled" with a past date, so the first
    tick after the outage starts it; start_send's conditional update starts it only once.
    """
    started = [
        issue_id
        for issue_id in Issue.objects.filter(
            status=Issue.Status.SCHEDULED, scheduled_at__lte=timezone.now()
        ).values_list("pk", flat=True)
        if sending.start_send(issue_id)
    ]
    cutoff = timezone.now() - timezone.timedelta(seconds=sending.claim_lease())
    for issue_id in Issue.objects.filter(status=Issue.Status.SENDING).values_list("pk", flat=True):
        recent = Delivery.objects.filter(
            issue_id=issue_id, status=Delivery.Status.SENDING, claimed_at__gt=cutoff
        )
        if issue_id not in started and not recent.exists():
            send_issue.delay(issue_id)
    return started
