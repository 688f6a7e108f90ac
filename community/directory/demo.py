"""Demo directory: invented people (no real person's name) in every governance role, for a
spread of the real towns, departments and regions. Idempotent: entries are keyed by slug."""

import datetime
import random

from django.utils import timezone
from django.utils.text import slugify

from cms.core.demo_builders import DemoContext
from cms.programme.models import Topic
from cms.territories.models import Region, Town

from .models import DirectoryEntry, GovernanceRole
from .visibility import Visibility

FIRST_NAMES = (
    "Claire", "Julien", "Sophie", "Mehdi", "Anne", "Thomas", "Nadia", "Pierre", "Élodie",
    "Karim", "Isabelle", "Louis", "Fatou", "Hugo", "Céline", "Yann", "Agnès", "Malik",
    "Laure", "Olivier", "Chloé", "Bruno", "Inès", "Marc",
)  # fmt: skip
LAST_NAMES = (
    "Lefèvre", "Moreau", "Garnier", "Benali", "Rousseau", "Fabre", "Haddad", "Marchand",
    "Perrin", "Diallo", "Mercier", "Blanc", "Guérin", "Chevalier", "Roux", "Le Gall",
    "Nguyen", "Faure", "Morel", "Girard", "Lambert", "Bonnet", "Renaud", "Caron",
)  # fmt: skip

PARTNERS = (
    (GovernanceRole.CDC, "Banque des territoires", "Développement territorial"),
    (GovernanceRole.ACTION_LOGEMENT, "Action Logement", "Responsable Action cœur de ville"),
    (GovernanceRole.ANAH, "Anah", "Mission habitat privé"),
    (GovernanceRole.ANRU, "ANRU", "Direction territoriale"),
    (GovernanceRole.CEREMA, "Cerema", "Aménagement et urbanisme"),
    (GovernanceRole.EPF, "Établissement public foncier", "Opérations foncières"),
)


def _person(rng: random.Random, used: set[tuple[str, str]]) -> tuple[str, str]:
    while True:
        name = (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
        if name not in used:
            used.add(name)
            return name


def load_demo(context: DemoContext) -> None:
    """The directory's demo step (see `coeurdeville.demo`)."""
    load()


def load() -> int:
    """Create the demo entries (if absent); return how many exist."""
    if DirectoryEntry.objects.exists():
        return DirectoryEntry.objects.count()
    rng = random.Random(245)
    used: set[tuple[str, str]] = set()
    today = timezone.localdate()
    towns = list(Town.objects.select_related("department__region").order_by("name"))
    spread = towns[:: max(1, len(towns) // 14)][:14]
    axes = list(Topic.objects.all())
    visibilities = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.STAFF]

    def entry(role: str, organisation: str, job: str, **extra: object) -> DirectoryEntry:
        first, last = _person(rng, used)
        start = extra.pop("start", None) or today - datetime.timedelta(days=rng.randint(90, 2000))
        created = DirectoryEntry(
            first_name=first,
            last_name=last,
            role=role,
            organisation=organisation,
            job_title=job,
            mandate_start=start,
            email=f"{slugify(first)}.{slugify(last)}@exemple.gouv.fr",
            email_visibility=rng.choice(visibilities),
            phone=f"01 {rng.randint(40, 79)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
            f"{rng.randint(10, 99)}",
            phone_visibility=rng.choice(visibilities[1:]),
            address=f"{rng.randint(1, 40)} rue de la République\n{organisation}",
            address_visibility=Visibility.STAFF,
            **extra,
        )
        created.save()
        if axes:
            created.topics.set(rng.sample(axes, k=min(2, len(axes))))
        return created

    for index, town in enumerate(spread):
        director = entry(
            GovernanceRole.PROJECT_DIRECTOR,
            f"Ville de {town.name}",
            "",
            # Two recent arrivals, for the newsletter's « qui arrive ».
            start=today - datetime.timedelta(days=10 + index) if index < 2 else None,
        )
        director.towns.add(town)
        state = entry(
            GovernanceRole.STATE_DEPARTMENT,
            f"Préfecture – {town.department.name}",
            "",
        )
        state.departments.add(town.department)
        state.towns.add(town)
    # One recent departure, for « qui part ».
    leaving = DirectoryEntry.objects.filter(role=GovernanceRole.STATE_DEPARTMENT).last()
    if leaving:
        leaving.mandate_end = today - datetime.timedelta(days=5)
        leaving.save()

    regions = list(Region.objects.order_by("name"))[::4]
    for region in regions:
        regional = entry(
            GovernanceRole.STATE_REGION,
            f"Préfecture de région – {region.name}",
            "",
        )
        regional.regions.add(region)
    for number, (role, organisation, job) in enumerate(PARTNERS):
        partner = entry(role, organisation, job)
        partner.regions.add(regions[number % len(regions)])
        partner.towns.add(*spread[number::5])
    entry(GovernanceRole.NATIONAL_TEAM, "ANCT", "Animation nationale du programme")
    return DirectoryEntry.objects.count()
