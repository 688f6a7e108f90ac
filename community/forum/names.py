"""How members are named in public: never by their e-mail address."""

from typing import Any


def public_name(user: Any) -> str:
    if user is None:
        return "Compte supprimé"
    return user.get_full_name().strip() or "Membre"
