"""`manage.py load_reference_data`, for production: towns, departments, regions, axes,
themes, phases, partners and glossary from the data files, plus the editorial groups,
their permissions and the review workflow. Idempotent; rows editors changed are kept."""

from typing import Any

from django.core.management.base import BaseCommand

from coeurdeville.reference_data import load_reference_data


class Command(BaseCommand):
    help = "Charge ou met à jour les données de référence du programme et les groupes éditoriaux."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(self.style.SUCCESS(load_reference_data().summary()))
