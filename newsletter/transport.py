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


class Retry(Exception):
    """The connection failed before the mail was handed over: it can go out later."""


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
        connection.ehlo()
        if settings.EMAIL_USE_TLS:
            connection.starttls()
            connection.ehlo()
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
        """Hand one mail to the server. `raw` uses CRLF and has no line starting with a dot
        (mime.MessageTemplate builds it so), so it goes out without smtplib's rewriting.

        Raises Refused when the server says no, Retry when the connection fails before the
        mail was handed over, Uncertain when it fails while or after handing it over.
        """
        if self.connection is None:
            self.ensure_open()
        connection = self.connection
        try:
            code, reply = connection.mail(from_email)
            if code == 421:
                raise smtplib.SMTPServerDisconnected("421 service non disponible")
            if code != 250:
                self._reset()
                raise Refused(_describe((code, reply)))
            code, reply = connection.rcpt(to)
            if code == 421:
                raise smtplib.SMTPServerDisconnected("421 service non disponible")
            if code not in (250, 251):
                self._reset()
                raise Refused(_describe((code, reply)))
            code, reply = connection.docmd("data")
            if code != 354:
                self._reset()
                raise Refused(_describe((code, reply)))
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self.close()
            raise Retry(str(exc)) from exc
        try:
            connection.send(raw + b".\r\n")
            code, reply = connection.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self.close()
            raise Uncertain(str(exc)) from exc
        if code != 250:
            # The server answered the data with an error: it did not take the mail.
            raise Refused(_describe((code, reply)))

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
        if not self.connection.send_messages([RawEmailMessage(raw, from_email, to)]):
            raise Refused("refusé par le serveur")

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
