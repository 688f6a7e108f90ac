"""An outsider's sweep of the admin: an editor (« Rédaction ») cannot publish without review,
reach the forum moderation queue, nor export the directory or the newsletter subscribers."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.core.models import StandardPage
from coeurdeville.editorial import EDITORS, MODERATORS, setup_editorial
from community.directory.models import DirectoryEntry
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "secret.referente@prefecture.gouv.fr"


@pytest.fixture
def editorial(home_page):
    setup_editorial(home_page)
    DirectoryEntry.objects.create(
        first_name="Irène", last_name="Secrète", email=SECRET_EMAIL, email_visibility="staff"
    )
    Subscriber.objects.create(email="abonne.secret@example.fr")
    return home_page


def _in_group(name: str, email: str, *, is_staff: bool):
    user = get_user_model().objects.create_user(email=email, password="p" * 12, is_staff=is_staff)
    user.groups.add(Group.objects.get(name=name))
    return user


ADMIN_DATA_URLS = [
    "/admin/annuaire/export.csv",
    "/admin/annuaire/propositions/",
    "/admin/lettre-d-information/abonnes/export/",
    "/admin/moderation-forum/",
    "/admin/users/",
]


@pytest.mark.parametrize("is_staff", [False, True])
@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_editorial_roles_reach_no_personal_data(client, editorial, group, is_staff):
    user = _in_group(group, "equipe@example.fr", is_staff=is_staff)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    for url in ADMIN_DATA_URLS:
        response = client.get(url)
        body = response.content.decode(errors="replace")
        assert SECRET_EMAIL not in body, (url, response.status_code)
        assert "abonne.secret@example.fr" not in body, (url, response.status_code)
        assert response.status_code in (302, 403, 404), (url, response.status_code)


def test_an_editor_cannot_publish_by_posting_the_publish_action(client, editorial):
    page = editorial.add_child(instance=StandardPage(title="Mentions légales", slug="ml"))
    page.save_revision().publish()
    editor = _in_group(EDITORS, "redaction@example.fr", is_staff=True)
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Titre piraté", "slug": "ml", "body-count": "0", "action-publish": "publish"},
    )
    assert response.status_code < 500
    page.refresh_from_db()
    assert page.title == "Mentions légales"
    # the edit went through, as a draft waiting for review, not as the live page
    assert page.get_latest_revision().content["title"] == "Titre piraté"
    assert page.live_revision.content["title"] == "Mentions légales"
    assert "Titre piraté" not in client.get("/ml/").content.decode()


@pytest.fixture
def answered_questionnaire(editorial):
    from community.groups.models import CallForContributions, QuestionnaireField, QuestionnairePage

    from .factories import group_with_category

    form_page = editorial.add_child(
        instance=QuestionnairePage(title="Questionnaire vacance", slug="questionnaire-vacance")
    )
    QuestionnaireField.objects.create(
        page=form_page, label="Votre courriel", field_type="email", required=True
    )
    group = group_with_category(title="Commerce", slug="commerce")
    CallForContributions.objects.create(
        group=group,
        title="Enquête",
        text="<p>Texte</p>",
        questionnaire=form_page,
        deadline=datetime.date(2031, 1, 1),
    )
    form_page.get_submission_class().objects.create(
        page=form_page, form_data={"votre_courriel": "repondant.secret@mairie.fr"}
    )
    return form_page, group


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_questionnaire_answers_are_not_for_the_editorial_team(
    client, answered_questionnaire, group
):
    """Issue 6: the call's coordinators read the answers; web editors, who may edit every
    page, must not reach them through the admin's « Formulaires »."""
    form_page, _group = answered_questionnaire
    user = _in_group(group, "equipe@example.fr", is_staff=False)
    client.force_login(user)
    urls = [
        "/admin/forms/",
        f"/admin/forms/submissions/{form_page.pk}/",
        f"/admin/forms/submissions/{form_page.pk}/?export=csv",
    ]
    for url in urls:
        response = client.get(url)
        assert "repondant.secret@mairie.fr" not in response.content.decode(errors="replace"), url
    assert client.get(urls[1]).status_code in (302, 403, 404)


def test_the_calls_coordinator_reads_the_answers_in_the_admin(client, answered_questionnaire):
    form_page, group = answered_questionnaire
    coordinator = _in_group(EDITORS, "coordination@example.fr", is_staff=False)
    EmailAddress.objects.create(user=coordinator, email=coordinator.email, verified=True)
    group.coordinators.add(coordinator)
    group.save()
    client.force_login(coordinator)
    response = client.get(f"/admin/forms/submissions/{form_page.pk}/")
    assert "repondant.secret@mairie.fr" in response.content.decode()
