"""Demo content: one sent issue in the public archive, built from the demo pages."""

import datetime

from django.utils import timezone

from cms.core.demo_builders import DemoContext

from .models import Issue
from .prefill import prefill


def load_demo(context: DemoContext) -> None:
    """Deferred until every app has loaded its pages: the issue quotes them."""
    context.defer(build_sent_issue)


def build_sent_issue() -> None:
    if Issue.objects.filter(slug="novembre-2026").exists():
        return
    issue = prefill(
        Issue(
            title="Lettre d’information — novembre 2026",
            slug="novembre-2026",
            introduction=(
                "Ce mois-ci : les dernières actualités du programme, un focus sur une mesure, "
                "les projets qui avancent et les innovations repérées dans les villes."
            ),
        ),
        since=timezone.now() - datetime.timedelta(days=3 * 365),
    )
    issue.research = [
        (
            "item",
            {
                "title": "Revitaliser les centres-villes : ce que disent dix ans de recherche",
                "text": "Un regard de chercheurs sur la vacance commerciale et le retour de l’habitat en centre ancien.",
                "url": "",
            },
        )
    ]
    issue.community_moves = issue.community_moves or [
        ("item", {"title": "L’annuaire des référents ouvre bientôt", "text": "", "url": ""})
    ]
    issue.status = Issue.Status.SENT
    issue.sent_at = timezone.now()
    issue.save()
