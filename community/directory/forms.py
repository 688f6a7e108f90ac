"""The form where a member proposes changes to their own directory entry."""

from typing import Any

from django import forms

from .models import DirectoryEntry, EntryChangeProposal


class ProposalForm(forms.Form):
    def __init__(self, *args: Any, entry: DirectoryEntry, **kwargs: Any) -> None:
        self.entry = entry
        initial = {name: getattr(entry, name) for name in EntryChangeProposal.FIELDS}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields.update(
            forms.fields_for_model(DirectoryEntry, fields=EntryChangeProposal.FIELDS)
        )
        for name in ("bio", "address"):
            self.fields[name].widget.attrs["rows"] = 4

    def changes(self) -> dict[str, str]:
        """The fields whose proposed value differs from the entry's."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value != getattr(self.entry, name)
        }
