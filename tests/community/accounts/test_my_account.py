"""« Mon compte »: sections from other apps, profile, e-mail preferences, export, deletion."""

import io
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command

from community.accounts import account_sections, personal_data
from community.accounts.email_preferences import preferences, wants_email
from community.accounts.models import EmailPreference

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def test_my_account_lists_its_sections(signed_in, home_page):
    page = signed_in.get("/comptes/").content.decode()
    for title in ("Mon profil", "Mes courriels", "Mes données"):
        assert f">{title}</h2>" in page
    assert "membre@ville-agen.fr" in page
    assert ">Membre</span>" in page


def test_other_apps_register_sections_shown_in_order_or_hidden(signed_in, home_page):
    registered = dict(account_sections._sections)  # real apps register the same titles
    account_sections.register(
        "Mes groupes de travail",
        "community/includes/user_badge.html",
        lambda request: {"user": request.user},
        order=20,
    )
    account_sections.register(
        "Section cachée", "community/includes/user_badge.html", lambda request: None
    )
    try:
        page = signed_in.get("/comptes/").content.decode()
        assert "Mes groupes de travail" in page
        assert page.index("Mon profil</h2>") < page.index("Mes groupes de travail</h2>")
        assert page.index("Mes groupes de travail</h2>") < page.index("Mes courriels</h2>")
        assert "Section cachée" not in page
    finally:
        account_sections._sections.clear()
        account_sections._sections.update(registered)


def test_profile_edit(signed_in, member, home_page):
    response = signed_in.post(
        "/comptes/profil/",
        {
            "first_name": "Camille",
            "last_name": "Martin-Roy",
            "organisation": "Ville d’Agen",
            "job_title": "Directrice de projet",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.last_name == "Martin-Roy"
    assert member.organisation == "Ville d’Agen"


@pytest.mark.parametrize(
    "hostile",
    ["Mar\x00tin", "x" * 2000, ""],
)
def test_profile_rejects_hostile_input_and_changes_nothing(signed_in, member, home_page, hostile):
    response = signed_in.post(
        "/comptes/profil/", {"first_name": "Camille", "last_name": hostile, "organisation": ""}
    )
    assert response.status_code == 400
    assert "fr-message--error" in response.content.decode()
    member.refresh_from_db()
    assert member.last_name == "Martin"


def test_unicode_and_quotes_are_kept_and_escaped(signed_in, member, home_page):
    name = 'O’Brien "<b>٣</b>"'
    signed_in.post("/comptes/profil/", {"first_name": "Seán", "last_name": name})
    member.refresh_from_db()
    assert member.last_name == name
    page = signed_in.get("/comptes/").content.decode()
    assert "<b>٣</b>" not in page
    assert "&lt;b&gt;٣&lt;/b&gt;" in page


def test_email_preferences_defaults_and_choices(signed_in, member, home_page):
    assert wants_email(member, "announcement")
    assert not wants_email(member, "digest")
    page = signed_in.get("/comptes/courriels/").content.decode()
    assert "Résumé quotidien" in page
    response = signed_in.post(
        "/comptes/courriels/", {"kinds": ["digest", "mention", "inconnu\x00", "x" * 2000]}
    )
    assert response.status_code == 302
    member = User.objects.get(pk=member.pk)
    assert wants_email(member, "digest")
    assert wants_email(member, "mention")
    assert not wants_email(member, "announcement")
    assert not EmailPreference.objects.filter(kind__startswith="inconnu").exists()
    assert preferences(member)["forum_reply"] is False


def test_unverified_accounts_never_want_email(unverified):
    assert not wants_email(unverified, "announcement")
    assert not wants_email(None, "announcement")


def test_unknown_kind_is_a_programming_error(member):
    with pytest.raises(KeyError):
        wants_email(member, "pas-un-type")


def test_export_holds_all_my_data(signed_in, member):
    personal_data.register_exporter("essai", lambda user: {"sujets": [f"de {user.email}"]})
    try:
        signed_in.post("/comptes/courriels/", {"kinds": ["digest"]})
        response = signed_in.get("/comptes/export/")
    finally:
        personal_data._exporters.pop("essai")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["compte"]["adresse_electronique"] == "membre@ville-agen.fr"
    assert data["compte"]["prenom"] == "Camille"
    assert data["compte"]["adresses"] == [
        {"adresse": "membre@ville-agen.fr", "verifiee": True, "principale": True}
    ]
    assert data["preferences_de_courriel"]["digest"] is True
    assert data["preferences_de_courriel"]["announcement"] is False
    assert data["essai"] == {"sujets": ["de membre@ville-agen.fr"]}


def test_export_is_for_the_signed_in_member_only(client, db):
    assert client.get("/comptes/export/").status_code == 302


def test_deletion_needs_the_password_and_changes_nothing_otherwise(signed_in, member):
    response = signed_in.post("/comptes/suppression/", {"password": "faux", "confirm": "on"})
    assert response.status_code == 400
    assert "Ce mot de passe n’est pas le bon." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_deletion_erases_personal_data_everywhere(signed_in, member, password, home_page):
    erased = []
    personal_data.register_eraser(lambda user: erased.append(user.email))
    signed_in.post("/comptes/courriels/", {"kinds": ["digest"]})
    try:
        response = signed_in.post("/comptes/suppression/", {"password": password, "confirm": "on"})
    finally:
        personal_data._erasers.pop()
    assert response.status_code == 302
    assert erased == ["membre@ville-agen.fr"]
    assert not User.objects.filter(email="membre@ville-agen.fr").exists()
    assert not EmailAddress.objects.filter(email="membre@ville-agen.fr").exists()
    assert not EmailPreference.objects.exists()
    assert signed_in.get("/comptes/").status_code == 302  # signed out
    dump = io.StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=dump)
    assert "membre@ville-agen.fr" not in dump.getvalue()
    assert '"Martin"' not in dump.getvalue()  # the last name, as a JSON value


def test_signed_one_click_unsubscribe(client, member, home_page):
    from community.accounts.unsubscribe import unsubscribe_headers, unsubscribe_url

    url = unsubscribe_url(member, "mention")
    headers = unsubscribe_headers(member, "mention")
    assert headers["List-Unsubscribe"] == f"<{url}>"
    path = url.removeprefix("http://testserver")
    page = client.get(path)
    assert page.status_code == 200
    assert "Quand un membre me mentionne" in page.content.decode()
    assert wants_email(member, "mention")  # a GET (a link preview) changes nothing
    # Mail clients post without cookies or CSRF token (RFC 8058).
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Vous êtes désabonné" in response.content.decode()
    assert not wants_email(member, "mention")
    assert wants_email(member, "announcement")


@pytest.mark.parametrize(
    "token", ["abc", "x" * 2000, "%00", "eyJ1IjoxLCJrIjoibWVudGlvbiJ9:forged:sig"]
)
def test_forged_unsubscribe_links_change_nothing(client, member, token):
    response = client.post(f"/comptes/desabonnement/{token}/")
    assert response.status_code == 404
    assert "Lien de désabonnement invalide" in response.content.decode()
    assert not EmailPreference.objects.exists()
