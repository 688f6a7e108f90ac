"""Where the mails go: one SMTP connection kept open per worker process, or Django's backend.

Production and tests use SMTP (`EMAIL_BACKEND` is Django's SMTP backend): the connection is
opened once and reused by every batch of the process (a pool of one per worker), checked with
NOOP before a batch. Other backends (files for `make run`, locmem) get the same bytes.
"""

import contextlib
import email
import smtplib
from email import policy

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


class Uncertain(Exception):
    """The connection broke after the mail may have been handed to the server."""


class Refused(Exception):
    """The server refused this mail for good; `message` says why."""


class RawEmailMessage(EmailMessage):
    def __init__(self, raw: bytes, from_email: str, to: str) -> None:
        super().__init__(from_email=from_email, to=[to])
        self.raw = raw

    def message(self, *, policy=policy.default):
        return email.message_from_bytes(self.raw, policy=policy)


class SmtpTransport:
    def __init__(self) -> None:
        self.connection: smtplib.SMTP | None = None
        self.server: tuple[str, int] | None = None

    def _open(self) -> smtplib.SMTP:
        self.server = (settings.EMAIL_HOST, settings.EMAIL_PORT)
        connection = smtplib.SMTP(
            settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=getattr(settings, "EMAIL_TIMEOUT", 30)
        )
        if settings.EMAIL_USE_TLS:
            connection.starttls()
        if settings.EMAIL_HOST_USER:
            connection.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
        return connection

    def ensure_open(self) -> None:
        if self.connection is not None and self.server != (
            settings.EMAIL_HOST,
            settings.EMAIL_PORT,
        ):
            self.close()
        if self.connection is not None:
            try:
                if self.connection.noop()[0] == 250:
                    return
            except (smtplib.SMTPException, OSError):
                pass
            self.close()
        self.connection = self._open()

    def send(self, from_email: str, to: str, raw: bytes) -> None:
        if self.connection is None:
            self.ensure_open()
        try:
            self.connection.sendmail(from_email, [to], raw)
        except smtplib.SMTPRecipientsRefused as exc:
            self._reset()
            raise Refused(_describe(exc.recipients.get(to))) from exc
        except smtplib.SMTPSenderRefused as exc:
            self._reset()
            raise Refused(_describe((exc.smtp_code, exc.smtp_error))) from exc
        except smtplib.SMTPDataError as exc:
            # The server answered the data with an error: it did not take the mail.
            self._reset()
            raise Refused(_describe((exc.smtp_code, exc.smtp_error))) from exc
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self.close()
            raise Uncertain(str(exc)) from exc

    def release(self) -> None:
        """Keep the connection for the next batch or task of this process."""

    def _reset(self) -> None:
        try:
            self.connection.rset()
        except (smtplib.SMTPException, OSError):
            self.close()

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self.connection.quit()
            self.connection = None


class DjangoBackendTransport:
    def __init__(self) -> None:
        self.connection = get_connection()

    def ensure_open(self) -> None:
        self.connection.open()

    def send(self, from_email: str, to: str, raw: bytes) -> None:
        self.connection.send_messages([RawEmailMessage(raw, from_email, to)])

    def close(self) -> None:
        self.connection.close()

    release = close


_smtp = SmtpTransport()


def transport() -> SmtpTransport | DjangoBackendTransport:
    if settings.EMAIL_BACKEND == SMTP_BACKEND:
        return _smtp
    return DjangoBackendTransport()


def _describe(reply) -> str:
    if not reply:
        return "refusé par le serveur"
    code, text = reply
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}"[:500]
