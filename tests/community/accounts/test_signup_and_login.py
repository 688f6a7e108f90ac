"""Sign-up with e-mail confirmation, login by e-mail, logout, password reset, at /comptes/."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

User = get_user_model()


def _link(message, path_prefix: str) -> str:
    match = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}[^\s]+)", message.body)
    assert match, message.body
    return match.group(1)


def test_sign_up_confirm_then_log_in(client, home_page, password):
    page = client.get("/comptes/inscription/")
    assert page.status_code == 200
    assert "Créer un compte" in page.content.decode()

    response = client.post(
        "/comptes/inscription/",
        {
            "email": "Nadia.Benali@Ville-Agen.fr",
            "first_name": "Nadia",
            "last_name": "Benali",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/comptes/confirmation/"
    user = User.objects.get(email="nadia.benali@ville-agen.fr")
    assert user.get_full_name() == "Nadia Benali"
    assert not EmailAddress.objects.filter(user=user, verified=True).exists()

    # Before confirming, the account cannot be used.
    client.logout()
    refused = client.post(
        "/comptes/connexion/", {"login": "nadia.benali@ville-agen.fr", "password": password}
    )
    assert refused["Location"] == "/comptes/confirmation/"
    assert client.get("/comptes/").status_code == 302

    assert len(mail.outbox) >= 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["nadia.benali@ville-agen.fr"]
    assert "[Cœur de ville]" in confirmation.subject
    link = _link(confirmation, "/comptes/confirmation/")
    form = client.get(link)
    assert "Confirmer mon adresse" in form.content.decode()
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    login = client.post(
        "/comptes/connexion/", {"login": "NADIA.BENALI@ville-agen.fr", "password": password}
    )
    assert login.status_code == 302
    assert login["Location"] == "/comptes/"
    home = client.get("/comptes/")
    assert home.status_code == 200
    assert "Nadia Benali" in home.content.decode()


def test_wrong_password_gets_a_french_message(client, member):
    response = client.post(
        "/comptes/connexion/", {"login": member.email, "password": "pas le bon mot de passe"}
    )
    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_account_pages_send_visitors_to_the_portal_login(client, db):
    response = client.get("/comptes/")
    assert response.status_code == 302
    assert response["Location"] == "/comptes/connexion/?next=/comptes/"


def test_logout_is_a_post_from_the_header(client, member, home_page):
    client.force_login(member)
    page = client.get("/").content.decode()
    assert 'action="/comptes/deconnexion/"' in page
    response = client.post("/comptes/deconnexion/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client, member):
    response = client.post("/comptes/mot-de-passe/oubli/", {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0], "/comptes/mot-de-passe/nouveau/")
    form_page = client.get(link, follow=True)
    assert "Choisir un nouveau mot de passe" in form_page.content.decode()
    new_password = "un tout nouveau secret partagé"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": new_password, "password2": new_password},
    )
    assert done.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)


def test_password_reset_for_an_unknown_address_reveals_nothing(client, db):
    response = client.post("/comptes/mot-de-passe/oubli/", {"email": "inconnu@example.fr"})
    assert response.status_code == 302
    assert response["Location"] == "/comptes/mot-de-passe/oubli/envoye/"


def test_password_change(client, member, password):
    client.force_login(member)
    new_password = "encore une phrase de passe"
    response = client.post(
        "/comptes/mot-de-passe/",
        {"oldpassword": password, "password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)


def test_the_wagtail_admin_login_serves_the_same_users(client, staff_user, password):
    staff_user.is_superuser = True
    staff_user.save()
    response = client.post("/admin/login/", {"username": staff_user.email, "password": password})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_header_account_menu(client, member, home_page):
    anonymous = client.get("/").content.decode()
    assert "Se connecter" in anonymous
    assert 'href="/comptes/inscription/"' in anonymous
    assert "Mon compte" not in anonymous
    client.force_login(member)
    signed_in = client.get("/").content.decode()
    assert 'href="/comptes/"' in signed_in
    assert "Se déconnecter" in signed_in
    assert "Se connecter" not in signed_in
