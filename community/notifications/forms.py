from typing import Any

from django import forms

from community.forum.forms import clean_text
from community.groups.models import WorkingGroup

from .models import Announcement


class AnnouncementForm(forms.Form):
    audience = forms.ChoiceField(
        label="Destinataires",
        choices=[
            (Announcement.Audience.EVERYONE, "Toute la communauté"),
            (Announcement.Audience.GROUP, "Les membres d’un groupe de travail"),
        ],
        widget=forms.RadioSelect,
    )
    group = forms.ModelChoiceField(
        label="Groupe de travail",
        queryset=WorkingGroup.objects.order_by("title"),
        required=False,
        empty_label="—",
        error_messages={"invalid_choice": "Ce groupe de travail n’existe pas."},
    )
    title = forms.CharField(
        label="Titre",
        max_length=200,
        error_messages={
            "required": "Donnez un titre à l’annonce.",
            "max_length": "Le titre est trop long : 200 caractères au plus.",
        },
    )
    body = forms.CharField(
        label="Message",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Le message est vide.",
            "max_length": "Le message est trop long : 10 000 caractères au plus.",
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("audience") == Announcement.Audience.GROUP and not data.get("group"):
            self.add_error("group", "Choisissez le groupe de travail destinataire.")
        for field in ("title", "body"):
            if field in data:
                data[field] = clean_text(data[field]).strip()
        return data
