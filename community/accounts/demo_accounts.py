"""Demo accounts so that a newcomer can try the community: created only where the settings
allow it (`DEMO_ACCOUNTS`, on for the embedded default `make run`, never in production).

Not an app demo step (`demo.py`): `manage.py load_demo` calls `load()` itself, on every
run, so that it can print the accounts even when the content is already there."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model

from . import roles

DEMO_PASSWORD = "demo-coeur-de-ville"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    label: str
    first_name: str
    last_name: str
    role: str | None = None


DEMO_ACCOUNTS = (
    DemoAccount("membre@demo.coeurdeville.example", "membre", "Martine", "Démo"),
    DemoAccount(
        "referent@demo.coeurdeville.example", "référent", "Romain", "Démo", roles.REFERENTS
    ),
    DemoAccount(
        "coordination@demo.coeurdeville.example",
        "coordination",
        "Colette",
        "Démo",
        roles.COORDINATORS,
    ),
    DemoAccount(
        "moderation@demo.coeurdeville.example", "modération", "Maxime", "Démo", roles.MODERATORS
    ),
)


def enabled() -> bool:
    return bool(getattr(settings, "DEMO_ACCOUNTS", False))


def load() -> list[DemoAccount]:
    """Create (or reset) the demo accounts; none unless `DEMO_ACCOUNTS` is on."""
    if not enabled():
        return []
    roles.ensure_roles()
    users = get_user_model().objects
    for account in DEMO_ACCOUNTS:
        user = users.filter(email=account.email).first() or users.create_user(
            email=account.email,
            first_name=account.first_name,
            last_name=account.last_name,
        )
        user.set_password(DEMO_PASSWORD)
        user.is_active = True
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.role:
            roles.add_role(user, account.role)
    return list(DEMO_ACCOUNTS)
