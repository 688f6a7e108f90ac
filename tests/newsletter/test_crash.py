"""Killing the sending worker (SIGKILL, a separate process) twice, then resuming: every
subscriber still gets at most one mail, all but the "uncertain" ones exactly one, and the
uncertain ones are listed to staff. Needs PostgreSQL (the worker shares the test database)."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from newsletter import sending
from newsletter.models import Delivery, Issue

from .conftest import make_subscribers

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 300

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the worker process needs a database server shared with the test",
    ),
]


def worker(issue_id: int, smtp_port: int) -> subprocess.Popen:
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@"
            f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "DJANGO_SETTINGS_MODULE": "coeurdeville.settings.dev",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "BASE_URL": "http://testserver",
        "NEWSLETTER_BATCH_SIZE": "20",
        # One worker at a time here: whatever the previous one left claimed is orphaned.
        "NEWSLETTER_CLAIM_LEASE": "0",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "newsletter_send", str(issue_id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill_after(process: subprocess.Popen, smtpd, received: int) -> None:
    deadline = time.monotonic() + 60
    while len(smtpd.messages) < received:
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the worker sent nothing"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def test_killed_twice_then_resumed_sends_each_mail_at_most_once(smtpd, settings, admin_client):
    smtpd.delay = 0.01  # the server takes 10 ms per mail: the kills land mid-batch
    subscribers = make_subscribers(SUBSCRIBERS)
    issue = Issue.objects.create(title="Numéro d’essai", slug="essai-crash")
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
    sending.freeze_audience(issue.pk)
    port = settings.EMAIL_PORT

    kill_after(worker(issue.pk, port), smtpd, 60)
    kill_after(worker(issue.pk, port), smtpd, 150)
    last = worker(issue.pk, port)
    _out, err = last.communicate(timeout=120)
    assert last.returncode == 0, err.decode()

    received = Counter(smtpd.recipients())
    assert max(received.values()) == 1, "someone received the issue twice"
    rows = {d.subscriber.email: d.status for d in Delivery.objects.select_related("subscriber")}
    assert len(rows) == SUBSCRIBERS
    uncertain = {email for email, status in rows.items() if status == Delivery.Status.UNCERTAIN}
    assert uncertain, "a kill mid-batch leaves rows whose fate is unknown"
    assert set(rows.values()) == {Delivery.Status.SENT, Delivery.Status.UNCERTAIN}
    for subscriber in subscribers:
        if subscriber.email not in uncertain:
            assert received[subscriber.email] == 1
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT

    # Staff see who may or may not have received it.
    page = admin_client.get(f"/admin/lettre-d-information/numero/{issue.pk}/").content.decode()
    assert "Envois incertains" in page
    for email in uncertain:
        assert email in page
