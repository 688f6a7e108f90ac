"""Loads the programme's structure from `data/programme.json` (idempotent).

A row an editor changed in the admin is kept; untouched rows get the file's values
(see `cms.core.loaded_rows`).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from cms.core.loaded_rows import Outcome, sync_row

from .models import GlossaryTerm, Partner, Phase, Topic

DATA_FILE = Path(__file__).parent / "data" / "programme.json"

# Short titles and slugs are ours; the long titles are quoted from the programme.
AXIS_NAMES = {
    1: ("Habitat", "habitat", "fr-icon-home-4-line"),
    2: ("Économie et commerce", "economie-et-commerce", "fr-icon-store-line"),
    3: ("Accessibilité, mobilité et connexions", "mobilite", "fr-icon-bus-line"),
    4: (
        "Formes urbaines, espace public et patrimoine",
        "espace-public-et-patrimoine",
        "fr-icon-building-line",
    ),
    5: (
        "Équipements et services publics",
        "equipements-et-services-publics",
        "fr-icon-government-line",
    ),
}
THEMES = [
    (
        "Innovation",
        "innovation",
        "fr-icon-lightbulb-line",
        "Expérimenter de nouvelles solutions pour les centres-villes.",
    ),
    (
        "Numérique",
        "numerique",
        "fr-icon-computer-line",
        "Mettre le numérique au service des habitants, des commerces et des services.",
    ),
    (
        "Animation des centres-villes",
        "animation-des-centres-villes",
        "fr-icon-calendar-event-line",
        "Faire vivre le centre-ville : événements, commerce, culture, vie associative.",
    ),
]


@dataclass(frozen=True)
class LoadReport:
    topics: int
    phases: int
    partners: int
    glossary: int
    # Rows left as an editor changed them.
    kept: int = 0


def read_programme() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def load_programme() -> LoadReport:
    data = read_programme()
    outcomes = []
    for axis in data["axes"]["items"]:
        short_title, slug, icon = AXIS_NAMES[axis["numero"]]
        _row, outcome = sync_row(
            Topic,
            {"slug": slug},
            {
                "kind": Topic.Kind.AXIS,
                "number": axis["numero"],
                "title": axis["titre"],
                "short_title": short_title,
                "icon": icon,
            },
        )
        outcomes.append(outcome)
    for number, (title, slug, icon, summary) in enumerate(THEMES, start=1):
        _row, outcome = sync_row(
            Topic,
            {"slug": slug},
            {
                "kind": Topic.Kind.THEME,
                "number": number,
                "title": title,
                "short_title": title,
                "icon": icon,
            },
        )
        outcomes.append(outcome)
        Topic.objects.filter(slug=slug, summary="").update(summary=summary)
    for phase in data["phases"]:
        _row, outcome = sync_row(
            Phase,
            {"key": phase["cle"]},
            {
                "order": phase["ordre"],
                "name": phase["nom"],
                "description": " ; ".join(phase.get("contenu", [])),
            },
        )
        outcomes.append(outcome)
    for partner in data["partenaires_nationaux"]["items"]:
        _row, outcome = sync_row(
            Partner,
            {"name": partner["nom"]},
            {
                "acronym": partner.get("sigle") or "",
                "slug": slugify(partner.get("sigle") or partner["nom"])[:80],
                "commitment": partner.get("engagement_total") or "",
            },
        )
        outcomes.append(outcome)
    for term in data["glossaire"]["items"]:
        _row, outcome = sync_row(
            GlossaryTerm,
            {"acronym": term["sigle"]},
            {"expansion": term["developpement"], "note": term.get("note") or ""},
        )
        outcomes.append(outcome)
    return LoadReport(
        topics=Topic.objects.count(),
        phases=Phase.objects.count(),
        partners=Partner.objects.count(),
        glossary=GlossaryTerm.objects.count(),
        kept=outcomes.count(Outcome.KEPT),
    )
