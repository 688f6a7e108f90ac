"""The kinds of e-mail the portal sends, and each member's choice for each kind.

Apps that send e-mail declare their kinds in ``AppConfig.ready()`` and ask before
sending::

    from community.accounts.email_preferences import register_kind, wants_email

    register_kind("forum_reply", "Réponses aux sujets que je suis", default=True)
    if wants_email(user, "forum_reply"): ...

Kinds declared here (reuse these names): ``announcement``, ``forum_reply``, ``mention``,
``digest`` (off by default), ``directory`` (news about my directory entry).
Only members (verified e-mail, active account) ever want e-mail; an unknown kind is a
programming error and raises ``KeyError``. Each e-mail carries a signed one-click link that
turns its kind off: ``community.accounts.unsubscribe.unsubscribe_url(user, kind)`` and
``unsubscribe_headers(user, kind)`` for the ``List-Unsubscribe`` headers.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .models import EmailPreference
from .roles import is_member


@dataclass(frozen=True)
class EmailKind:
    kind: str
    label: str
    help_text: str = ""
    default: bool = True


_kinds: dict[str, EmailKind] = {}


def register_kind(kind: str, label: str, help_text: str = "", default: bool = True) -> EmailKind:
    email_kind = EmailKind(kind, label, help_text, default)
    _kinds[kind] = email_kind
    return email_kind


def kinds() -> list[EmailKind]:
    return list(_kinds.values())


def preferences(user: Any) -> dict[str, bool]:
    """Every kind with the member's current choice (stored or default)."""
    stored = dict(EmailPreference.objects.filter(user=user).values_list("kind", "enabled"))
    return {k.kind: stored.get(k.kind, k.default) for k in _kinds.values()}


def wants_email(user: Any, kind: str) -> bool:
    """Whether to send `user` an e-mail of this kind."""
    email_kind = _kinds[kind]
    if user is None or not is_member(user):
        return False
    stored = (
        EmailPreference.objects.filter(user=user, kind=kind)
        .values_list("enabled", flat=True)
        .first()
    )
    return email_kind.default if stored is None else stored


def set_preferences(user: Any, enabled_kinds: Iterable[str]) -> None:
    """Store a choice for every known kind: those listed on, the others off."""
    enabled = set(enabled_kinds)
    for kind in _kinds:
        EmailPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"enabled": kind in enabled}
        )


def unsubscribe(user: Any, kind: str) -> None:
    """Turn one kind off (the one-click link of each e-mail)."""
    if kind in _kinds:
        EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"enabled": False})


register_kind(
    "announcement",
    "Annonces de l’équipe du programme et des référents",
    "Messages envoyés à toute la communauté, à votre région ou à vos groupes.",
)
register_kind("forum_reply", "Réponses dans les sujets et catégories que je suis")
register_kind("mention", "Quand un membre me mentionne (@nom)")
register_kind(
    "digest",
    "Résumé quotidien de l’activité",
    "Un seul courriel par jour avec les nouveautés de vos groupes.",
    default=False,
)
register_kind("directory", "Ma fiche dans l’annuaire (propositions acceptées ou refusées)")
