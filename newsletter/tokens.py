"""Signed links in the mails: confirmation (expires), unsubscribe and preferences (per subscriber).

The unsubscribe and preferences links are deterministic signatures of the subscriber's id, so
a mail sent months ago still works; the confirmation link is timestamped and expires.
"""

from django.core import signing

CONFIRMATION_MAX_AGE = 7 * 24 * 3600
_CONFIRM_SALT = "newsletter.confirm"
_UNSUBSCRIBE = signing.Signer(salt="newsletter.unsubscribe")
_PREFERENCES = signing.Signer(salt="newsletter.preferences")


class InvalidLink(Exception):
    """A link that was forged, mangled or has expired; `message` says which, in French."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def confirmation_token(request_id: int) -> str:
    return signing.dumps(request_id, salt=_CONFIRM_SALT)


def read_confirmation_token(token: str) -> int:
    try:
        value = signing.loads(token, salt=_CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise InvalidLink(
            "Ce lien de confirmation a expiré. Inscrivez-vous de nouveau pour en recevoir un autre."
        ) from exc
    except (signing.BadSignature, ValueError, UnicodeError) as exc:
        raise InvalidLink("Ce lien de confirmation n’est pas valide.") from exc
    if not isinstance(value, int):
        raise InvalidLink("Ce lien de confirmation n’est pas valide.")
    return value


def subscriber_token(subscriber_id: int, *, purpose: str = "unsubscribe") -> str:
    signer = _UNSUBSCRIBE if purpose == "unsubscribe" else _PREFERENCES
    return signer.sign(str(subscriber_id))


def read_subscriber_token(token: str, *, purpose: str = "unsubscribe") -> int:
    signer = _UNSUBSCRIBE if purpose == "unsubscribe" else _PREFERENCES
    try:
        value = signer.unsign(token)
    except (signing.BadSignature, ValueError, UnicodeError) as exc:
        raise InvalidLink(
            "Ce lien n’est pas valide. Utilisez le lien reçu dans la lettre."
        ) from exc
    if not value.isascii() or not value.isdigit():
        raise InvalidLink("Ce lien n’est pas valide. Utilisez le lien reçu dans la lettre.")
    return int(value)
