import datetime

import pytest

from cms.territories.models import Department, Region, Town
from community.directory.models import DirectoryEntry, GovernanceRole
from community.directory.visibility import Visibility


@pytest.fixture
def geography(db):
    """Two regions, departments and towns; the real ones when migrations loaded them."""
    region, _ = Region.objects.get_or_create(
        code="75", defaults={"name": "Nouvelle-Aquitaine", "slug": "nouvelle-aquitaine"}
    )
    other_region, _ = Region.objects.get_or_create(
        code="76", defaults={"name": "Occitanie", "slug": "occitanie"}
    )
    lot, _ = Department.objects.get_or_create(
        code="47", defaults={"name": "Lot-et-Garonne", "slug": "lot-et-garonne", "region": region}
    )
    tarn, _ = Department.objects.get_or_create(
        code="81", defaults={"name": "Tarn", "slug": "tarn", "region": other_region}
    )
    agen, _ = Town.objects.get_or_create(
        insee_code="47001",
        defaults={"name": "Agen", "slug": "agen", "department": lot, "territory_code": "1",
                  "territory_name": "Agen", "latitude": 44.2, "longitude": 0.6},
    )  # fmt: skip
    albi, _ = Town.objects.get_or_create(
        insee_code="81004",
        defaults={"name": "Albi", "slug": "albi", "department": tarn, "territory_code": "2",
                  "territory_name": "Albi", "latitude": 43.9, "longitude": 2.1},
    )  # fmt: skip
    assert (agen.slug, albi.slug) == ("agen", "albi")
    return {"region": region, "other_region": other_region, "lot": lot, "tarn": tarn,
            "agen": agen, "albi": albi}  # fmt: skip


def make_entry(**fields: object) -> DirectoryEntry:
    defaults = {
        "first_name": "Claire",
        "last_name": "Lefèvre",
        "role": GovernanceRole.PROJECT_DIRECTOR,
        "organisation": "Ville d’Agen",
        "email": "claire.lefevre@agen.fr",
        "email_visibility": Visibility.PUBLIC,
        "phone": "05 53 00 00 01",
        "phone_visibility": Visibility.MEMBERS,
        "address": "Place du Docteur Esquirol\n47000 Agen",
        "address_visibility": Visibility.STAFF,
        "mandate_start": datetime.date(2024, 1, 15),
    }
    defaults.update(fields)
    entry = DirectoryEntry(**defaults)
    entry.save()
    return entry


@pytest.fixture
def entry(geography):
    created = make_entry()
    created.towns.add(geography["agen"])
    return created
