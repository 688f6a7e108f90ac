"""The consent wording shown next to every sign-up form, versioned.

A consent record stores the version the person saw; when the wording changes, add a new
version rather than editing an old one, so that old records still say what was agreed to.
"""

CONSENT_WORDINGS: dict[str, str] = {
    "2026-11": (
        "J’accepte de recevoir chaque mois par courriel la lettre d’information du programme "
        "Action cœur de ville. Je peux me désabonner à tout moment grâce au lien présent dans "
        "chaque lettre."
    ),
}
CURRENT_CONSENT_VERSION = "2026-11"


def current_wording() -> str:
    return CONSENT_WORDINGS[CURRENT_CONSENT_VERSION]
