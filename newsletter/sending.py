"""Sending an issue exactly once to each subscriber, and surviving crashes while doing so.

The audience is frozen into `Delivery` rows, one per (issue, subscriber), unique. Workers
claim small batches with row locks (skip locked on PostgreSQL; SQLite serialises writers),
moving rows pending → sending, hand each mail to the SMTP server, then record sent/failed.
A worker that dies leaves its batch in "sending": nobody knows whether those mails left, so
after the claim lease they become "uncertain", are listed to staff and never resent.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .items import issue_topics, resolve_sections, sender_domain
from .links import preferences_url, unsubscribe_url
from .mime import MessageTemplate
from .models import Delivery, Issue, Subscriber
from .rendering import RenderedIssue, render_issue
from .tokens import subscriber_token
from .transport import Refused, Retry, Uncertain, transport

D = Delivery.Status


def batch_size() -> int:
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 50)


def claim_lease() -> float:
    """Seconds after which a claimed row whose worker said nothing is considered orphaned."""
    return float(getattr(settings, "NEWSLETTER_CLAIM_LEASE", 120))


def max_rate() -> float:
    """Mails per second per worker; 0 means as fast as the server takes them."""
    return float(getattr(settings, "NEWSLETTER_MAX_RATE", 0))


def start_send(issue_id: int) -> bool:
    """Freeze the audience and queue the send; False if the issue was already started.

    The status change is a conditional UPDATE, so a double click, two staff members or the
    scheduler racing a person start one send only.
    """
    from .tasks import send_issue

    with transaction.atomic():
        started = Issue.objects.filter(
            pk=issue_id, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]
        ).update(status=Issue.Status.SENDING, send_started_at=timezone.now())
        if not started:
            return False
        freeze_audience(issue_id)
        workers = getattr(settings, "NEWSLETTER_SEND_WORKERS", 1)
        transaction.on_commit(lambda: [send_issue.delay(issue_id) for _ in range(workers)])
    return True


def freeze_audience(issue_id: int) -> int:
    """One pending row per active subscriber; rerunning adds nobody twice."""
    delivery = Delivery._meta.db_table
    subscriber = Subscriber._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {delivery} (issue_id, subscriber_id, status, error, bounced, unsubscribed) "
            f"SELECT %s, id, %s, '', %s, %s FROM {subscriber} WHERE status = %s "
            "ON CONFLICT (issue_id, subscriber_id) DO NOTHING",
            [issue_id, D.PENDING, False, False, Subscriber.Status.ACTIVE],
        )
        return cursor.rowcount


def recover_orphans(issue_id: int, *, lease: float | None = None) -> int:
    """Rows claimed by a worker that went silent become uncertain (never resent)."""
    lease = claim_lease() if lease is None else lease
    cutoff = timezone.now() - timezone.timedelta(seconds=lease)
    return Delivery.objects.filter(
        issue_id=issue_id, status=D.SENDING, claimed_at__lte=cutoff
    ).update(status=D.UNCERTAIN, error="Interruption pendant l’envoi : envoi non confirmé.")


@dataclass
class Claimed:
    pk: int
    subscriber_id: int
    email: str
    topic_ids: frozenset[int] = field(default_factory=frozenset)


def claim_batch(issue_id: int, size: int) -> list[Claimed]:
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(issue_id=issue_id, status=D.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids).update(status=D.SENDING, claimed_at=timezone.now())
    rows = Delivery.objects.filter(pk__in=ids).values_list(
        "pk", "subscriber_id", "subscriber__email"
    )
    return [Claimed(pk, sub, email) for pk, sub, email in rows]


def _attach_topics(claimed: list[Claimed], relevant: frozenset[int]) -> None:
    if not relevant:
        return
    through = Subscriber.topics.through
    chosen: dict[int, set[int]] = {}
    for sub_id, topic_id in through.objects.filter(
        subscriber_id__in=[c.subscriber_id for c in claimed], topic_id__in=relevant
    ).values_list("subscriber_id", "topic_id"):
        chosen.setdefault(sub_id, set()).add(topic_id)
    for row in claimed:
        row.topic_ids = frozenset(chosen.get(row.subscriber_id, ()))


class SubscriberLinks:
    """Per-subscriber links with the URL resolved once per send, not once per mail."""

    def __init__(self, issue_id: int) -> None:
        self.unsubscribe_pattern = (
            unsubscribe_url(0).replace(subscriber_token(0), "{token}") + f"?numero={issue_id}"
        )
        self.preferences_pattern = preferences_url(0).replace(
            subscriber_token(0, purpose="preferences"), "{token}"
        )

    def unsubscribe(self, subscriber_id: int) -> str:
        return self.unsubscribe_pattern.format(token=subscriber_token(subscriber_id))

    def preferences(self, subscriber_id: int) -> str:
        token = subscriber_token(subscriber_id, purpose="preferences")
        return self.preferences_pattern.format(token=token)


class IssueSender:
    """Renders an issue once per preference variant and sends claimed batches."""

    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        self.sections = resolve_sections(issue)
        self.relevant_topics = issue_topics(self.sections)
        self.variants: dict[frozenset[int], RenderedIssue] = {}
        base = self.variant(frozenset())
        self.template = MessageTemplate.for_issue(base, list_id=_list_id())
        self.transport = transport()
        self.links = SubscriberLinks(issue.pk)
        self.pace_started = time.monotonic()
        self.paced = 0

    def variant(self, topic_ids: frozenset[int]) -> RenderedIssue:
        if topic_ids not in self.variants:
            sections = [section.ordered_for(topic_ids) for section in self.sections]
            self.variants[topic_ids] = render_issue(self.issue, sections)
        return self.variants[topic_ids]

    def _pace(self) -> None:
        rate = max_rate()
        if rate <= 0:
            return
        self.paced += 1
        ahead = self.paced / rate - (time.monotonic() - self.pace_started)
        if ahead > 0:
            time.sleep(ahead)

    def send_batch(self, claimed: list[Claimed]) -> None:
        _attach_topics(claimed, self.relevant_topics)
        sent: list[int] = []
        failed: dict[int, str] = {}
        uncertain: list[int] = []
        released: list[int] = []
        self.transport.ensure_open()
        for index, row in enumerate(claimed):
            raw = self.template.build(
                issue_id=self.issue.pk,
                subscriber_id=row.subscriber_id,
                to=row.email,
                unsubscribe_url=self.links.unsubscribe(row.subscriber_id),
                preferences_url=self.links.preferences(row.subscriber_id),
                rendered=self.variant(row.topic_ids),
            )
            try:
                self.transport.send(self.template.envelope_from, row.email, raw)
            except Refused as exc:
                failed[row.pk] = exc.args[0]
            except Retry:
                released = [r.pk for r in claimed[index:]]
                break
            except Uncertain:
                uncertain.append(row.pk)
                released = [r.pk for r in claimed[index + 1 :]]
                break
            else:
                sent.append(row.pk)
            self._pace()
        now = timezone.now()
        with transaction.atomic():
            if sent:
                Delivery.objects.filter(pk__in=sent).update(status=D.SENT, sent_at=now)
            for pk, error in failed.items():
                Delivery.objects.filter(pk=pk).update(status=D.FAILED, error=error)
            if uncertain:
                Delivery.objects.filter(pk__in=uncertain).update(
                    status=D.UNCERTAIN, error="Connexion perdue pendant l’envoi."
                )
            if released:
                Delivery.objects.filter(pk__in=released).update(status=D.PENDING, claimed_at=None)
        if uncertain or released:
            raise ConnectionError("Connexion SMTP perdue ; l’envoi reprendra au prochain passage.")


def _list_id() -> str:
    # RFC 2919: an ASCII phrase and the list's identifier under our own domain.
    return f"Lettre d'information Coeur de ville <lettre.{sender_domain()}>"


def run(issue_id: int) -> str:
    """Send the issue's pending rows until none is left or the issue is paused.

    Safe to run several times at once or again after a crash: each run only claims pending
    rows. Returns the issue's status when the run stops.
    """
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status != Issue.Status.SENDING:
        return issue.status if issue else "missing"
    recover_orphans(issue_id)
    sender = IssueSender(issue)
    size = batch_size()
    try:
        while True:
            status = Issue.objects.filter(pk=issue_id).values_list("status", flat=True).first()
            if status != Issue.Status.SENDING:
                return status or "missing"
            claimed = claim_batch(issue_id, size)
            if not claimed:
                break
            sender.send_batch(claimed)
    finally:
        sender.transport.release()
    return finish_if_done(issue_id)


def finish_if_done(issue_id: int) -> str:
    """Mark the issue sent once no row is pending or being sent by a live worker."""
    recover_orphans(issue_id)
    with transaction.atomic():
        busy = Delivery.objects.filter(issue_id=issue_id, status__in=[D.PENDING, D.SENDING])
        if busy.exists():
            return Issue.Status.SENDING
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, sent_at=timezone.now()
        )
    return Issue.objects.values_list("status", flat=True).get(pk=issue_id)


def pause(issue_id: int) -> bool:
    return bool(
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.PAUSED
        )
    )


def resume(issue_id: int) -> bool:
    """Resume a paused or interrupted send: orphaned rows become uncertain, the rest goes."""
    from .tasks import send_issue

    with transaction.atomic():
        resumed = Issue.objects.filter(
            pk=issue_id, status__in=[Issue.Status.PAUSED, Issue.Status.SENDING]
        ).update(status=Issue.Status.SENDING)
        if not resumed:
            return False
        transaction.on_commit(lambda: send_issue.delay(issue_id))
    return True
