"""`manage.py load_reference_data`: towns, departments, regions, axes, themes, phases,
partners and glossary from the data files, for production. Idempotent."""

from typing import Any

from django.core.management.base import BaseCommand

from cms.programme.loading import load_programme
from cms.territories.loading import load_territories
from community.accounts.roles import ensure_roles
from community.groups.setup import ensure_topic_groups


class Command(BaseCommand):
    help = "Charge ou met à jour les données de référence du programme."

    def handle(self, *args: Any, **options: Any) -> None:
        programme = load_programme()
        territories = load_territories()
        roles = ensure_roles()
        groups = ensure_topic_groups()
        self.stdout.write(
            self.style.SUCCESS(
                f"{territories.towns} villes, {territories.departments} départements, "
                f"{territories.regions} régions, {programme.topics} axes et thèmes, "
                f"{programme.phases} phases, {programme.partners} partenaires, "
                f"{programme.glossary} sigles, {len(roles)} rôles de la communauté, "
                f"{groups} groupes de travail créés."
            )
        )
