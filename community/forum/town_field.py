"""The topic form's town: a text input with a list of the 245 towns (`<datalist>`), so it
works without JavaScript and with the browser's own suggestions. What the member types is
matched without case, accents or hyphens; « Nom (code du département) » settles homonyms."""

import re
from typing import Any

from django import forms

from cms.territories.models import Town
from cms.territories.names import normalise_name

DEPARTMENT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[0-9AB]{2,3})\)\s*$", re.IGNORECASE)
MAX_LENGTH = 150


def label(town: Town) -> str:
    return f"{town.name} ({town.department.code})"


def town_labels() -> list[str]:
    return [
        label(town)
        for town in Town.objects.select_related("department").order_by("name", "department__code")
    ]


class TownField(forms.CharField):
    default_error_messages = {
        "unknown": "Aucune ville du programme ne s’appelle « %(value)s » : choisissez-la dans "
        "la liste proposée.",
        "ambiguous": "Plusieurs villes s’appellent « %(value)s » : précisez le département, "
        "par exemple « %(example)s ».",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_LENGTH)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Town | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        department = None
        match = DEPARTMENT_SUFFIX.match(text)
        if match:
            text_name, department = match["name"], match["code"].upper()
        else:
            text_name = text
        towns = Town.objects.select_related("department").filter(
            search_name=normalise_name(text_name)
        )
        if department:
            towns = towns.filter(department__code=department)
        found = list(towns[:2])
        if not found:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": text}
            )
        if len(found) > 1:
            raise forms.ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={"value": text, "example": label(found[0])},
            )
        return found[0]

    def prepare_value(self, value: Any) -> Any:
        return label(value) if isinstance(value, Town) else value
