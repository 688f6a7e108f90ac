"""The programme team's admin: editors submit, moderators publish, every page is reviewed."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from cms.core.models import StandardPage
from coeurdeville.editorial import EDITORS, MODERATORS, WORKFLOW, setup_editorial

pytestmark = pytest.mark.django_db


@pytest.fixture
def editorial(home_page):
    setup_editorial(home_page)
    setup_editorial(home_page)  # idempotent
    return home_page


def _member(group_name: str, email: str):
    user = get_user_model().objects.create_user(email=email, password="p" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_groups_replace_wagtail_defaults_without_duplicates(editorial):
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MODERATORS} <= names
    assert "Editors" not in names
    assert "Moderators" not in names


def test_editor_can_edit_but_not_publish_and_moderator_can_publish(editorial):
    page = editorial.add_child(instance=StandardPage(title="Mentions légales", slug="ml"))
    editor = _member(EDITORS, "redaction@example.fr")
    moderator = _member(MODERATORS, "moderation@example.fr")
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(moderator).can_publish()


def test_every_page_under_home_goes_through_the_review_workflow(editorial):
    page = editorial.add_child(instance=StandardPage(title="Page", slug="page"))
    workflow = Page.objects.get(pk=page.pk).get_workflow()
    assert workflow is not None
    assert workflow.name == WORKFLOW


def test_editor_reaches_the_admin_and_the_dashboard_panel(client, editorial):
    client.force_login(_member(EDITORS, "redaction2@example.fr"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Le portail en un coup d’œil" in response.content.decode()
