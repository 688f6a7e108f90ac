"""Public forms: sign-up and preferences."""

from django import forms
from django.core.validators import validate_email

from cms.programme.models import Topic


def topic_choices() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label="Axes et thèmes qui vous intéressent (facultatif)",
        queryset=Topic.objects.order_by("kind", "number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les projets et innovations sur ces sujets apparaîtront en premier.",
    )


class SubscribeForm(forms.Form):
    email = forms.CharField(
        label="Votre adresse électronique",
        max_length=254,
        help_text="Format attendu : nom@domaine.fr",
        error_messages={
            "required": "Saisissez votre adresse électronique.",
            "max_length": "Cette adresse est trop longue (254 caractères au plus).",
        },
    )
    source = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args, with_topics: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if with_topics:
            self.fields["topics"] = topic_choices()

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        try:
            validate_email(email)
        except forms.ValidationError as exc:
            raise forms.ValidationError(
                "Cette adresse électronique n’est pas valide. Format attendu : nom@domaine.fr"
            ) from exc
        if not email.isascii():
            raise forms.ValidationError(
                "Cette adresse électronique contient des caractères non pris en charge."
            )
        return email

    def clean_source(self) -> str:
        source = self.cleaned_data.get("source") or ""
        # Only a path of this site is recorded as the consent's source page.
        if not source.startswith("/") or source.startswith("//") or not source.isprintable():
            return ""
        return source


class PreferencesForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"] = topic_choices()
