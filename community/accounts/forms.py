"""Forms of the account pages: the sign-up's extra fields, the profile, deletion."""

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.http import HttpRequest

from .models import User

NAME_MAX_LENGTH = 150


class SignupExtraForm(forms.Form):
    """Added by allauth to its sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(label="Prénom", max_length=NAME_MAX_LENGTH)
    last_name = forms.CharField(label="Nom", max_length=NAME_MAX_LENGTH)

    def signup(self, request: HttpRequest, user: User) -> None:
        # allauth's adapter already copied first_name and last_name onto the user.
        return None


class LoginForm(AllauthLoginForm):
    """allauth's login form, without the reset link it hides in the password's help text
    (the page shows that link itself)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "organisation", "job_title", "region"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        region = self.fields["region"]
        region.queryset = region.queryset.order_by("name")
        region.empty_label = "Aucune"
        region.error_messages["invalid_choice"] = "Cette région n’existe pas."


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Votre mot de passe, pour confirmer",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="Je comprends que mon compte et mes données personnelles seront supprimés "
        "définitivement.",
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Ce mot de passe n’est pas le bon.")
        return password
