from typing import Any

from django import forms

from cms.territories.models import Region
from community.forum.forms import clean_text
from community.groups.models import WorkingGroup

from . import announcements
from .models import Announcement

AUDIENCE_LABELS = {
    Announcement.Audience.EVERYONE: "Toute la communauté",
    Announcement.Audience.REGION: "Les membres d’une région",
    Announcement.Audience.GROUP: "Les membres d’un groupe de travail",
}


class AnnouncementForm(forms.Form):
    """Offers only the audiences and regions the author may write to: a State referent
    sees their own region(s); a forged choice is refused like an unknown one."""

    audience = forms.ChoiceField(
        label="Destinataires",
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Vous ne pouvez pas écrire à ces destinataires."},
    )
    region = forms.ModelChoiceField(
        label="Région",
        queryset=Region.objects.none(),
        required=False,
        empty_label="—",
        error_messages={"invalid_choice": "Vous ne pouvez pas écrire aux membres de cette région."},
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

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = announcements.audiences_for(user)
        self.fields["audience"].choices = [(value, AUDIENCE_LABELS[value]) for value in allowed]
        if len(allowed) == 1:
            self.fields["audience"].initial = allowed[0]
        self.fields["region"].queryset = announcements.regions_for(user)
        if Announcement.Audience.GROUP not in allowed:
            del self.fields["group"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        audience = data.get("audience")
        if audience == Announcement.Audience.GROUP and not data.get("group"):
            self.add_error("group", "Choisissez le groupe de travail destinataire.")
        region_missing = not data.get("region") and "region" not in self.errors
        if audience == Announcement.Audience.REGION and region_missing:
            self.add_error("region", "Choisissez la région destinataire.")
        for field in ("title", "body"):
            if field in data:
                data[field] = clean_text(data[field]).strip()
        return data
