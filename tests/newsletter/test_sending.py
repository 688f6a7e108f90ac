"""Sending an issue through a real SMTP server: exactly once each, whatever happens."""

from collections import Counter

import pytest

from newsletter import sending, tasks
from newsletter.models import Delivery, Issue, Subscriber

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


def test_every_active_subscriber_receives_exactly_one_mail(issue, smtpd, settings):
    settings.NEWSLETTER_BATCH_SIZE = 7
    subscribers = make_subscribers(40)
    make_subscribers(3, status=Subscriber.Status.PENDING, prefix="attente")
    make_subscribers(2, status=Subscriber.Status.UNSUBSCRIBED, prefix="parti")
    make_subscribers(2, status=Subscriber.Status.SUPPRESSED, prefix="bloque")
    assert sending.start_send(issue.pk)
    counts = Counter(smtpd.recipients())
    assert counts == Counter({s.email: 1 for s in subscribers})
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert issue.sent_at is not None
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 40


def test_a_double_click_starts_one_send(issue, smtpd):
    make_subscribers(5)
    assert sending.start_send(issue.pk) is True
    assert sending.start_send(issue.pk) is False
    assert len(smtpd.messages) == 5
    assert Delivery.objects.count() == 5


def test_a_redelivered_task_sends_nothing_twice(issue, smtpd):
    make_subscribers(6)
    sending.start_send(issue.pk)
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
    tasks.send_issue.apply(args=[issue.pk])  # the broker hands the same task out again
    tasks.send_issue.apply(args=[issue.pk])
    assert len(smtpd.messages) == 6
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT


def test_refused_recipients_fail_and_the_others_are_sent(issue, smtpd):
    make_subscribers(4)
    smtpd.refuse = {"abonne2@exemple.fr"}
    sending.start_send(issue.pk)
    assert sorted(smtpd.recipients()) == [
        "abonne0@exemple.fr",
        "abonne1@exemple.fr",
        "abonne3@exemple.fr",
    ]
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "abonne2@exemple.fr"
    assert "550" in failed.error


def test_pause_stops_after_the_batch_and_resume_finishes(issue, smtpd, settings):
    settings.NEWSLETTER_BATCH_SIZE = 5
    make_subscribers(12)
    with pytest.MonkeyPatch.context() as patch:
        original = sending.IssueSender.send_batch

        def send_then_pause(self, claimed):
            original(self, claimed)
            sending.pause(self.issue.pk)

        patch.setattr(sending.IssueSender, "send_batch", send_then_pause)
        sending.start_send(issue.pk)
    assert len(smtpd.messages) == 5
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.PAUSED
    assert sending.resume(issue.pk)
    assert Counter(smtpd.recipients()) == Counter({f"abonne{i}@exemple.fr": 1 for i in range(12)})
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT


def test_unsubscribing_during_a_send_skips_the_pending_mail(issue, smtpd):
    first, second = make_subscribers(2)
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
    sending.freeze_audience(issue.pk)
    from newsletter.subscriptions import unsubscribe

    unsubscribe(second.pk, source="test")
    sending.run(issue.pk)
    assert smtpd.recipients() == [first.email]
    assert Delivery.objects.get(subscriber=second).status == Delivery.Status.SKIPPED


def test_stale_claims_become_uncertain_and_are_never_resent(issue, smtpd, settings):
    make_subscribers(3)
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
    sending.freeze_audience(issue.pk)
    claimed = sending.claim_batch(issue.pk, 1)  # a worker took one row, then died
    settings.NEWSLETTER_CLAIM_LEASE = 0
    sending.run(issue.pk)
    assert claimed[0].email not in smtpd.recipients()
    assert len(smtpd.messages) == 2
    assert Delivery.objects.get(pk=claimed[0].pk).status == Delivery.Status.UNCERTAIN
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT


def test_rate_limit_setting_paces_the_send(issue, smtpd, settings):
    import time

    settings.NEWSLETTER_MAX_RATE = 20
    make_subscribers(10)
    started = time.monotonic()
    sending.start_send(issue.pk)
    assert time.monotonic() - started >= 10 / 20 - 0.05
    assert len(smtpd.messages) == 10


def test_preferences_put_the_subscribers_topics_first(issue, smtpd, programme, home_page):
    import email
    from email import policy

    from cms.programme.models import Topic

    habitat = Topic.objects.get(slug="habitat")
    commerce = Topic.objects.get(slug="economie-et-commerce")
    issue.projects = [
        ("item", {"title": "Projet commerce", "text": "", "url": ""}),
        ("item", {"title": "Projet habitat", "text": "", "url": ""}),
    ]
    issue.save()
    # Free items carry no topics: only pages do; check the ordering function directly.
    from newsletter.items import Item, Section

    section = Section(
        "projects",
        "Projets",
        (
            Item("Commerce", topic_ids=frozenset({commerce.pk})),
            Item("Habitat", topic_ids=frozenset({habitat.pk})),
        ),
    )
    assert [i.title for i in section.ordered_for(frozenset({habitat.pk})).items] == [
        "Habitat",
        "Commerce",
    ]
    assert [i.title for i in section.ordered_for(frozenset()).items] == ["Commerce", "Habitat"]
    (subscriber,) = make_subscribers(1)
    subscriber.topics.set([habitat])
    sending.start_send(issue.pk)
    message = email.message_from_bytes(smtpd.messages[0][2], policy=policy.default)
    assert "Projet commerce" in message.get_body(("plain",)).get_content()


def test_a_connection_lost_before_the_handover_leaves_the_mail_pending(issue, smtpd):
    """421 before DATA: the mail was not handed over, so it goes out on the next run."""
    make_subscribers(3)
    original = smtpd.handle_RCPT
    refused_once = []

    async def closing_once(server, session, envelope, address, rcpt_options):
        if address == "abonne1@exemple.fr" and not refused_once:
            refused_once.append(address)
            return "421 4.3.2 Service not available, closing channel"
        return await original(server, session, envelope, address, rcpt_options)

    smtpd.handle_RCPT = closing_once
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
    sending.freeze_audience(issue.pk)
    with pytest.raises(ConnectionError):
        sending.run(issue.pk)
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses["abonne1@exemple.fr"] == Delivery.Status.PENDING
    assert statuses["abonne2@exemple.fr"] == Delivery.Status.PENDING
    sending.run(issue.pk)
    assert Counter(smtpd.recipients()) == Counter({f"abonne{i}@exemple.fr": 1 for i in range(3)})
    assert not Delivery.objects.filter(status=Delivery.Status.UNCERTAIN).exists()
