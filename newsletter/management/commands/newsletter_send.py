"""`manage.py newsletter_send <issue id>`: run the send loop in this process (no broker)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from newsletter import sending
from newsletter.models import Issue


class Command(BaseCommand):
    help = "Envoie les courriels en attente d’un numéro (reprend un envoi interrompu)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("issue_id", type=int)
        parser.add_argument(
            "--start", action="store_true", help="Figer l’audience d’un numéro non encore envoyé."
        )

    def handle(self, *args: Any, issue_id: int, start: bool, **options: Any) -> None:
        if not Issue.objects.filter(pk=issue_id).exists():
            raise CommandError(f"Aucun numéro {issue_id}.")
        if start:
            Issue.objects.filter(pk=issue_id, status__in=["draft", "scheduled"]).update(
                status=Issue.Status.SENDING
            )
            sending.freeze_audience(issue_id)
        status = sending.run(issue_id)
        self.stdout.write(f"Numéro {issue_id} : {status}")
