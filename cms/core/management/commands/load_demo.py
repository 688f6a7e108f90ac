"""`manage.py load_demo`: the real reference data plus the French demo content. Idempotent.

Run by `make run` on first start. Existing pages are never overwritten, so an editor's
changes survive a second run.
"""

import importlib
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Page

from cms.core import demo_site
from cms.core.editorial import setup_editorial
from cms.home.models import HomePage
from cms.programme.loading import load_programme
from cms.territories.loading import load_territories

# Each content app contributes its own demo content, in this order.
DEMO_MODULES = [
    "cms.resources.demo",
    "cms.casestudies.demo",
    "cms.news.demo",
    "cms.measures.demo",
]


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
        home = HomePage.objects.first()
        if if_empty and home and home.get_children().exists():
            self.stdout.write("Contenu déjà présent : rien à charger.")
            return
        programme = load_programme()
        territories = load_territories()
        self.stdout.write(
            f"Référentiel : {territories.towns} villes, {territories.departments} départements, "
            f"{territories.regions} régions, {programme.topics} axes et thèmes, "
            f"{programme.glossary} sigles."
        )
        home = demo_site.ensure_home()
        setup_editorial(home)
        legal = demo_site.load_legal_pages(home)
        for module_name in DEMO_MODULES:
            importlib.import_module(module_name).load(home)
            self.stdout.write(f"Démo chargée : {module_name}")
        demo_site.load_settings(home, legal)
        featured = [
            page
            for model in ("resourcepage", "casestudypage")
            for page in Page.objects.live().filter(content_type__model=model).order_by("path")[:3]
        ]
        demo_site.feature_on_home(home, featured)
        # Towns and reference data are loaded in bulk, without signals: index everything.
        call_command("reindex", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Site de démonstration prêt : {Page.objects.live().count()} pages publiées."
            )
        )
