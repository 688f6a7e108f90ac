"""CSRF on every account form, hostile input, and the account flows' rate limits."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

User = get_user_model()

ANONYMOUS_FORMS = [
    ("/comptes/connexion/", {"login": "membre@ville-agen.fr", "password": "x"}),
    ("/comptes/inscription/", {"email": "a@b.fr", "password1": "x", "password2": "x"}),
    ("/comptes/mot-de-passe/oubli/", {"email": "membre@ville-agen.fr"}),
]
MEMBER_FORMS = [
    ("/comptes/deconnexion/", {}),
    ("/comptes/profil/", {"first_name": "Pirate", "last_name": "Pirate"}),
    ("/comptes/courriels/", {"kinds": ["digest"]}),
    ("/comptes/suppression/", {"password": "une phrase de passe solide", "confirm": "on"}),
    ("/comptes/mot-de-passe/", {"oldpassword": "x", "password1": "y", "password2": "y"}),
    ("/comptes/adresses/", {"email": "autre@example.fr", "action_add": ""}),
]


@pytest.mark.parametrize(("url", "data"), ANONYMOUS_FORMS)
def test_anonymous_forms_refuse_posts_without_csrf_token(url, data, member):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url, data).status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("url", "data"), MEMBER_FORMS)
def test_member_forms_refuse_posts_without_csrf_token(url, data, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(url, data).status_code == 403
    member.refresh_from_db()
    assert member.first_name == "Camille"
    assert User.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize(
    "email",
    [
        "nul\x00@example.fr",
        "x" * 2000 + "@example.fr",
        "١٢٣",
        "\"'><script>alert(1)</script>@example.fr",
        "",
    ],
)
def test_sign_up_with_hostile_input_gets_a_french_message(client, db, email, home_page):
    response = client.post(
        "/comptes/inscription/",
        {
            "email": email,
            "first_name": "Nom\x00" if email else "x" * 2000,
            "last_name": "Test",
            "password1": "une phrase de passe solide",
            "password2": "une phrase de passe solide",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "fr-message--error" in body
    assert "<script>alert(1)</script>" not in body
    assert not User.objects.exists()


def test_login_with_hostile_input_does_not_fail(client, db):
    for login in ["\x00", "x" * 2000, "٣٣٣", "' OR 1=1 --"]:
        response = client.post("/comptes/connexion/", {"login": login, "password": "\x00"})
        assert response.status_code == 200
        assert "fr-message--error" in response.content.decode()


def test_weak_and_mismatched_passwords_are_refused_in_french(client, db):
    response = client.post(
        "/comptes/inscription/",
        {
            "email": "nouvelle@example.fr",
            "first_name": "A",
            "last_name": "B",
            "password1": "123456",
            "password2": "123456",
        },
    )
    body = response.content.decode()
    assert "Ce mot de passe est trop court" in body
    assert not User.objects.exists()


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,3/300s/key"})
def test_repeated_failed_logins_are_refused_with_a_french_message(client, member, password):
    for _ in range(3):
        client.post("/comptes/connexion/", {"login": member.email, "password": "mauvais"})
    response = client.post("/comptes/connexion/", {"login": member.email, "password": password})
    assert response.status_code == 200
    assert "Trop de tentatives de connexion échouées" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip"})
def test_sign_up_flood_gets_429_with_retry_after(client, db, home_page):
    responses = [
        client.post(
            "/comptes/inscription/",
            {
                "email": f"robot{n}@example.fr",
                "first_name": "Robot",
                "last_name": "Robot",
                "password1": "une phrase de passe solide",
                "password2": "une phrase de passe solide",
            },
        )
        for n in range(3)
    ]
    assert [r.status_code for r in responses[:2]] == [302, 302]
    refused = responses[2]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Trop de tentatives" in refused.content.decode()
    assert User.objects.count() == 2
