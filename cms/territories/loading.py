"""Loads regions, departments and the 245 towns from the CSV files in `data/` (idempotent).

A row an editor changed in the admin is kept; untouched rows get the files' values
(see `cms.core.loaded_rows`).
"""

import csv
import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from cms.core.loaded_rows import Outcome, apply_loaded, is_pristine, sync_row

from .models import Department, Region, Town

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class LoadReport:
    regions: int
    departments: int
    towns: int
    # Rows left as an editor changed them.
    kept: int = 0


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _int_or_none(value: str) -> int | None:
    return int(value) if value.strip() else None


@transaction.atomic
def load_territories() -> LoadReport:
    kept = 0
    regions = {}
    for row in _rows("regions.csv"):
        regions[row["code_region"]], outcome = sync_row(
            Region,
            {"code": row["code_region"]},
            {"name": row["nom_region"], "slug": slugify(row["nom_region"])},
        )
        kept += outcome == Outcome.KEPT
    departments = {}
    for row in _rows("departements.csv"):
        departments[row["code_departement"]], outcome = sync_row(
            Department,
            {"code": row["code_departement"]},
            {
                "name": row["nom_departement"],
                "slug": slugify(f"{row['code_departement']}-{row['nom_departement']}"),
                "region": regions[row["code_region"]],
            },
        )
        kept += outcome == Outcome.KEPT
    existing = {town.insee_code: town for town in Town.objects.all()}
    taken_slugs = {town.slug for town in existing.values()}
    to_create, to_update = [], []
    fields = [
        "name",
        "department",
        "territory_code",
        "territory_name",
        "epci_siren",
        "epci_name",
        "population",
        "convention_signed_on",
        "actions_ongoing",
        "actions_completed",
        "latitude",
        "longitude",
    ]
    for row in _rows("acv_villes.csv"):
        values = {
            "name": row["nom_commune"],
            "department": departments[row["code_departement"]],
            "territory_code": row["id_acv"],
            "territory_name": row["territoire_acv"],
            "epci_siren": row["siren_epci"],
            "epci_name": row["nom_epci"],
            "population": _int_or_none(row["population_municipale"]),
            "convention_signed_on": (
                datetime.date.fromisoformat(row["date_signature_convention"])
                if row["date_signature_convention"]
                else None
            ),
            "actions_ongoing": _int_or_none(row["actions_en_cours"]),
            "actions_completed": _int_or_none(row["actions_livrees"]),
            "latitude": Decimal(row["latitude"]),
            "longitude": Decimal(row["longitude"]),
        }
        town = existing.get(row["insee_com"])
        if town:
            if is_pristine(town, values):
                to_update.append(apply_loaded(town, values))
            else:
                kept += 1
            continue
        slug = slugify(row["nom_commune"])
        if slug in taken_slugs:  # homonyms are told apart by their department
            slug = f"{slug}-{row['code_departement'].lower()}"
        taken_slugs.add(slug)
        to_create.append(apply_loaded(Town(insee_code=row["insee_com"], slug=slug), values))
    Town.objects.bulk_create(to_create)
    Town.objects.bulk_update(to_update, [*fields, "loaded_fingerprint"])
    return LoadReport(
        regions=Region.objects.count(),
        departments=Department.objects.count(),
        towns=Town.objects.count(),
        kept=kept,
    )
