"""Reference rows loaded from the data files, updated by later loads only while untouched.

A loader stores, with each row, a fingerprint of the values it wrote. On the next load a
row whose current values still match that fingerprint is pristine: it gets the new data.
A row whose values differ was changed by an editor in the admin: it is kept as it is.
Rows loaded before fingerprints existed (empty fingerprint) count as pristine.
"""

import datetime
import enum
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models


class LoadedRowMixin(models.Model):
    loaded_fingerprint = models.CharField(
        "empreinte des données chargées", max_length=64, blank=True, editable=False
    )

    class Meta:
        abstract = True


RowT = TypeVar("RowT", bound=LoadedRowMixin)


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    KEPT = "kept"


def _plain(field: models.Field, value: Any) -> Any:
    """A value as the database gives it back, in a JSON-able form."""
    if value is None:
        return None
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(field, models.DecimalField):
        return str(Decimal(value).quantize(Decimal(10) ** -field.decimal_places))
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def fingerprint(model: type[models.Model], values: Mapping[str, Any]) -> str:
    plain = {name: _plain(model._meta.get_field(name), value) for name, value in values.items()}
    encoded = json.dumps(plain, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def current_values(row: models.Model, names: Mapping[str, Any]) -> dict[str, Any]:
    """The row's values of the loaded fields (foreign keys as their ids: no query)."""
    return {name: getattr(row, row._meta.get_field(name).attname) for name in names}


def is_pristine(row: LoadedRowMixin, names: Mapping[str, Any]) -> bool:
    if not row.loaded_fingerprint:
        return True
    return fingerprint(type(row), current_values(row, names)) == row.loaded_fingerprint


def apply_loaded(row: RowT, values: Mapping[str, Any]) -> RowT:
    """Sets `values` on `row` with their fingerprint (the caller saves)."""
    for name, value in values.items():
        setattr(row, name, value)
    row.loaded_fingerprint = fingerprint(type(row), values)
    return row


def sync_row(
    model: type[RowT], lookup: Mapping[str, Any], values: Mapping[str, Any]
) -> tuple[RowT, Outcome]:
    """The row matching `lookup`, created with `values`, updated if pristine, else kept."""
    row = model._default_manager.filter(**lookup).first()
    if row is None:
        row = apply_loaded(model(**lookup), values)
        row.save()
        return row, Outcome.CREATED
    if is_pristine(row, values):
        apply_loaded(row, values).save()
        return row, Outcome.UPDATED
    return row, Outcome.KEPT
