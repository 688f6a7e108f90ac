"""Fixtures for the newsletter: a real SMTP server on loopback, subscribers, an issue."""

import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from newsletter.models import Issue, Subscriber


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Collector:
    """Keeps every message the server accepted: (envelope sender, recipients, bytes)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.lock = threading.Lock()
        self.refuse: set[str] = set()
        self.delay = 0.0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Adresse inconnue"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            import asyncio

            await asyncio.sleep(self.delay)
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self.lock:
            return [rcpt for _, rcpts, _ in self.messages for rcpt in rcpts]


@pytest.fixture
def smtpd(settings):
    """A real SMTP server on 127.0.0.1; the settings point the SMTP backend at it."""
    handler = Collector()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    try:
        yield handler
    finally:
        controller.stop()
        from newsletter.transport import _smtp

        _smtp.close()


def make_subscribers(count: int, *, status: str = Subscriber.Status.ACTIVE, prefix: str = "abonne"):
    return Subscriber.objects.bulk_create(
        [Subscriber(email=f"{prefix}{i}@exemple.fr", status=status) for i in range(count)]
    )


@pytest.fixture
def issue(db):
    return Issue.objects.create(
        title="Lettre d’information — décembre 2026",
        slug="decembre-2026",
        introduction="Les nouvelles du programme, en bref.",
        national_news=[
            (
                "item",
                {"title": "Les 245 villes au rendez-vous", "text": "Bilan.", "url": "/actualites/"},
            )
        ],
        research=[("item", {"title": "Le regard d’une chercheuse", "text": "", "url": ""})],
    )


@pytest.fixture(autouse=True)
def _on_commit_runs_now(request, monkeypatch):
    """In a test wrapped in a transaction nothing commits: run on-commit work at once, as a
    commit would (tests with a real commit, transactional_db, keep Django's behaviour)."""
    if "transactional_db" in request.fixturenames:
        return
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
