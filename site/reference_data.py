"""What production needs before any content: the programme's reference data and the
editorial set-up (groups, permissions, review workflow) and the community's role groups. `manage.py load_reference_data`
runs it; `manage.py load_demo` runs it before the demo content."""

from dataclasses import dataclass

from django.db import transaction

from cms.programme.loading import LoadReport as ProgrammeReport
from cms.programme.loading import load_programme
from cms.territories.loading import LoadReport as TerritoriesReport
from cms.territories.loading import load_territories
from community.accounts.roles import ensure_roles
from community.groups.setup import ensure_topic_groups

from .editorial import setup_editorial


@dataclass(frozen=True)
class ReferenceReport:
    programme: ProgrammeReport
    territories: TerritoriesReport
    workflow: str
    roles: int = 0
    groups: int = 0

    def summary(self) -> str:
        territories, programme = self.territories, self.programme
        kept = territories.kept + programme.kept
        return (
            f"Référentiel : {territories.towns} villes, {territories.departments} départements, "
            f"{territories.regions} régions, {programme.topics} axes et thèmes, "
            f"{programme.phases} phases, {programme.partners} partenaires, "
            f"{programme.glossary} sigles"
            + f". Processus de publication : « {self.workflow} »"
            + f", {self.roles} rôles de la communauté, {self.groups} groupes de travail créés."
            + _kept_notice(kept)
        )


def _kept_notice(kept: int) -> str:
    if not kept:
        return ""
    if kept == 1:
        return " 1 fiche modifiée dans l’administration a été conservée telle quelle."
    return f" {kept} fiches modifiées dans l’administration ont été conservées telles quelles."


@transaction.atomic
def load_reference_data() -> ReferenceReport:
    programme = load_programme()
    territories = load_territories()
    workflow = setup_editorial()
    roles = ensure_roles()
    groups = ensure_topic_groups()
    return ReferenceReport(
        programme=programme,
        territories=territories,
        workflow=workflow.name,
        roles=len(roles),
        groups=groups,
    )
