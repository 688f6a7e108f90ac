"""Accounts are identified by their e-mail address."""

import pytest
from django.contrib.auth import authenticate, get_user_model

pytestmark = pytest.mark.django_db


def test_users_log_in_with_their_email_whatever_its_case():
    user = get_user_model().objects.create_user(
        email="Directrice.Projet@Ville-Agen.FR", password="un mot de passe solide"
    )
    assert user.email == "directrice.projet@ville-agen.fr"
    assert authenticate(email="DIRECTRICE.projet@ville-agen.fr", password="un mot de passe solide")


def test_email_is_unique():
    users = get_user_model().objects
    users.create_user(email="referent@example.fr", password="x" * 12)
    with pytest.raises(Exception):  # noqa: B017, PT011 - IntegrityError on every backend
        users.create_user(email="Referent@example.fr", password="y" * 12)


def test_superuser_reaches_the_wagtail_admin(client):
    admin = get_user_model().objects.create_superuser(email="admin@example.fr", password="z" * 12)
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
