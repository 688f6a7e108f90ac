"""The admin's « Formulaires » follow the site's rule for questionnaire answers."""

from typing import Any

from django.db.models import QuerySet
from wagtail import hooks

from community import visibility

from .models import QuestionnairePage


@hooks.register("filter_form_submissions_for_user")
def questionnaire_answers_for_coordinators(user: Any, editable_forms: QuerySet) -> QuerySet:
    """Editing every page does not open a call's answers: only its group's coordinators
    (and superusers) read them, as on `/groupes-de-travail/…/reponses/`."""
    if user.is_superuser:
        return editable_forms
    hidden = QuestionnairePage.objects.exclude(
        pk__in=visibility.questionnaires_answered_for(user)
    ).values("pk")
    return editable_forms.exclude(pk__in=hidden)
