"""`manage.py load_demo`: the real reference data plus the French demo content. Idempotent.

Run by `make run` on first start. Existing pages are never overwritten, so an editor's
changes survive a second run. Each app contributes its own `demo.py` (see
`coeurdeville.demo`).
"""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Page

from coeurdeville.demo import build_demo_site, has_content
from community.accounts import demo_accounts


class Command(BaseCommand):
    help = (
        "Charge les données de référence (villes, axes, glossaire) et le contenu de démonstration."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Ne rien faire si le site a déjà une page d’accueil avec du contenu.",
        )

    def handle(self, *args: Any, if_empty: bool = False, **options: Any) -> None:
        if if_empty and has_content():
            self.stdout.write("Contenu déjà présent : rien à charger.")
            self._demo_accounts()
            return
        build_demo_site(log=self.stdout.write)
        # Towns and reference data are loaded in bulk, without signals: index everything.
        call_command("reindex", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Site de démonstration prêt : {Page.objects.live().count()} pages publiées."
            )
        )
        self._demo_accounts()

    def _demo_accounts(self) -> None:
        accounts = demo_accounts.load()
        if accounts:
            self.stdout.write(
                f"Comptes de démonstration (mot de passe « {demo_accounts.DEMO_PASSWORD} ») :"
            )
            for account in accounts:
                self.stdout.write(f"  {account.label:<13} {account.email}")
