"""What the accounts app itself contributes to « Mon compte » and to the personal-data
registry: the account, its e-mail addresses, roles and e-mail preferences."""

from typing import Any

from allauth.account.models import EmailAddress
from django.http import HttpRequest

from . import account_sections, personal_data
from . import email_preferences as prefs


def export_account(user: Any) -> dict[str, Any]:
    return {
        "adresse_electronique": user.email,
        "prenom": user.first_name,
        "nom": user.last_name,
        "organisme": user.organisation,
        "fonction": user.job_title,
        "region_de_rattachement": user.region.name if user.region_id else None,
        "inscrit_le": personal_data.iso(user.date_joined),
        "derniere_connexion": personal_data.iso(user.last_login),
        "adresses": [
            {"adresse": address.email, "verifiee": address.verified, "principale": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def export_email_preferences(user: Any) -> dict[str, bool]:
    return prefs.preferences(user)


def _email_section(request: HttpRequest) -> dict[str, Any]:
    current = prefs.preferences(request.user)
    return {"enabled": [kind for kind in prefs.kinds() if current[kind.kind]]}


def register() -> None:
    personal_data.register_exporter("compte", export_account)
    personal_data.register_exporter("preferences_de_courriel", export_email_preferences)
    account_sections.register("Mon profil", "accounts/sections/profile.html", order=0)
    account_sections.register(
        "Mes courriels", "accounts/sections/email_preferences.html", _email_section, order=50
    )
    account_sections.register("Mes données", "accounts/sections/my_data.html", order=900)
