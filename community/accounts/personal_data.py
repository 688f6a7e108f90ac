"""Everything the portal holds about a person: exported on request, erased on deletion.

Each app that stores personal data registers, in its ``AppConfig.ready()``:

- ``register_exporter(name, fn)``: ``fn(user)`` returns something JSON-serialisable
  (dates as ISO strings are fine: the export uses Django's JSON encoder); it becomes the
  ``name`` key of the member's export (`/comptes/export/`).
- ``register_eraser(fn)``: ``fn(user)`` removes or anonymises that app's personal data
  before the account is deleted. Content others rely on (forum posts) stays: point its
  author foreign key at the user with ``on_delete=SET_NULL, null=True`` and the badge
  include renders a missing author as « Compte supprimé »; an eraser can also blank what
  the author typed about themselves (signature, profile text).

``delete_account(user)`` runs every eraser, then deletes the user row (which cascades to
e-mail addresses and preferences), in one transaction.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]

_exporters: dict[str, Exporter] = {}
_erasers: list[Eraser] = []


def register_exporter(name: str, fn: Exporter) -> Exporter:
    _exporters[name] = fn
    return fn


def register_eraser(fn: Eraser) -> Eraser:
    if fn not in _erasers:
        _erasers.append(fn)
    return fn


def export(user: Any) -> dict[str, Any]:
    """The member's data, one key per registered exporter."""
    return {
        "export": {
            "genere_le": timezone.now().isoformat(),
            "format": "Cœur de ville — export des données personnelles, version 1",
        },
        **{name: fn(user) for name, fn in sorted(_exporters.items())},
    }


def delete_account(user: Any) -> None:
    """Erase the member's personal data everywhere, then the account itself."""
    with transaction.atomic():
        for eraser in _erasers:
            eraser(user)
        # Open sessions elsewhere die with the row: their user id no longer resolves.
        user.delete()


def iso(value: datetime.datetime | datetime.date | None) -> str | None:
    return value.isoformat() if value else None
