"""What the directory holds about a member, for the export and for account deletion."""

from typing import Any

from community.accounts import personal_data

from .models import DirectoryEntry, EntryChangeProposal


def export_directory(user: Any) -> dict[str, Any] | None:
    entry = DirectoryEntry.objects.filter(user=user).first()
    proposals = EntryChangeProposal.objects.filter(proposed_by=user)
    return {
        "fiche": None
        if entry is None
        else {
            "adresse_de_la_fiche": entry.get_absolute_url(),
            "prenom": entry.first_name,
            "nom": entry.last_name,
            "role": entry.get_role_display(),
            "organisme": entry.organisation,
            "fonction": entry.job_title,
            "presentation": entry.bio,
            "adresse_electronique": entry.email,
            "telephone": entry.phone,
            "adresse_postale": entry.address,
        },
        "propositions": [
            {
                "proposee_le": personal_data.iso(p.created_at),
                "etat": p.get_status_display(),
                "modifications": p.changes,
            }
            for p in proposals
        ],
    }


def erase_directory(user: Any) -> None:
    # The entry describes a public role and stays with staff; only the link to the account
    # and what the member wrote in proposals go.
    EntryChangeProposal.objects.filter(proposed_by=user).delete()
    DirectoryEntry.objects.filter(user=user).update(user=None)


def register() -> None:
    personal_data.register_exporter("annuaire", export_directory)
    personal_data.register_eraser(erase_directory)
