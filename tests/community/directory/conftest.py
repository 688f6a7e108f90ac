import datetime

import pytest

from cms.territories.models import Department, Region, Town
from community.directory.models import DirectoryEntry, GovernanceRole
from community.directory.visibility import Visibility


@pytest.fixture
def geography(db):
    region = Region.objects.create(code="75", name="Nouvelle-Aquitaine", slug="nouvelle-aquitaine")
    other_region = Region.objects.create(code="76", name="Occitanie", slug="occitanie")
    lot = Department.objects.create(
        code="47", name="Lot-et-Garonne", slug="lot-et-garonne", region=region
    )
    tarn = Department.objects.create(code="81", name="Tarn", slug="tarn", region=other_region)
    agen = Town.objects.create(
        name="Agen", slug="agen", insee_code="47001", department=lot, territory_code="1",
        territory_name="Agen", latitude=44.2, longitude=0.6,
    )  # fmt: skip
    albi = Town.objects.create(
        name="Albi", slug="albi", insee_code="81004", department=tarn, territory_code="2",
        territory_name="Albi", latitude=43.9, longitude=2.1,
    )  # fmt: skip
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
