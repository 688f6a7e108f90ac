"""Editors can open the Wagtail forms of the news and press page types."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("parent_fixture", "model"),
    [
        ("home_page", "newsindexpage"),
        ("news_index", "newspage"),
        ("home_page", "pressindexpage"),
        ("press_index", "pressreleasepage"),
    ],
)
def test_add_forms_open_in_the_admin(admin_client, request, parent_fixture, model):
    parent = request.getfixturevalue(parent_fixture)
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=["news", model, parent.pk]))
    assert response.status_code == 200
    assert b"Enregistrer le brouillon" in response.content or b"Save draft" in response.content


def test_edit_forms_show_press_contacts_and_kits(admin_client, press_index):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[press_index.pk]))
    assert response.status_code == 200
    assert "Contacts presse" in response.content.decode()
    assert "Dossiers de presse" in response.content.decode()
