"""The measure page's admin form: « publics visés » as checkboxes over fixed choices."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from .audiences import audience_choices


class MeasurePageForm(WagtailAdminPageForm):
    audiences = forms.MultipleChoiceField(
        label="À qui s’adresse ce dispositif ?",
        choices=audience_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Les publics cibles des mesures du programme.",
    )
