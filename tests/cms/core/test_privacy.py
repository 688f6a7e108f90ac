"""Private pages, through the site's own URLs: every privacy option Wagtail offers works, and
a private page is never served from a cache to someone it is hidden from."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-du-comite"


@pytest.fixture
def news(home_page, programme):
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    return child_page(index, NewsPage, "comite", title="Compte rendu du comité de projet")


def _restrict(page, restriction_type, **fields):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )


def _user(email="referente@example.fr"):
    return get_user_model().objects.create_user(email=email, password="secret-123456")


def _login(client, login_url, email="referente@example.fr"):
    """Signs in through the login form the restricted page sent the reader to."""
    form = client.get(login_url)
    assert form.status_code == 200
    return client.post(login_url, {"username": email, "password": "secret-123456"}, follow=True)


def test_a_login_restricted_page_sends_to_a_working_login_form(client, news):
    _restrict(news, PageViewRestriction.LOGIN)
    _user()

    response = client.get("/actualites/comite/")
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/_util/login/?next=")

    after_login = _login(client, login_url)
    assert after_login.status_code == 200
    assert after_login.redirect_chain[-1][0] == "/actualites/comite/"
    assert "Compte rendu du comité de projet" in after_login.content.decode()


def _password_form_action(html):
    return re.search(r'action="(/_util/authenticate_with_password/\d+/\d+/)"', html).group(1)


def test_the_right_password_shows_the_page_and_a_wrong_one_does_not(client, news):
    _restrict(news, PageViewRestriction.PASSWORD, password=PASSWORD)

    form = client.get("/actualites/comite/")
    html = form.content.decode()
    assert "Compte rendu du comité de projet" not in html
    action = _password_form_action(html)

    wrong = client.post(action, {"password": "pas-le-bon", "return_url": "/actualites/comite/"})
    assert wrong.status_code == 200
    assert "Compte rendu du comité de projet" not in wrong.content.decode()
    again = client.get("/actualites/comite/").content.decode()
    assert "Compte rendu du comité de projet" not in again
    assert _password_form_action(again) == action

    right = client.post(
        action, {"password": PASSWORD, "return_url": "/actualites/comite/"}, follow=True
    )
    assert right.status_code == 200
    assert right.redirect_chain[-1][0] == "/actualites/comite/"
    assert "Compte rendu du comité de projet" in right.content.decode()


def test_a_group_restricted_page_shows_to_members_only(client, news):
    members = Group.objects.create(name="Comité de projet")
    restriction = _restrict(news, PageViewRestriction.GROUPS)
    restriction.groups.add(members)
    outsider = _user("outsider@example.fr")
    member = _user("membre@example.fr")
    member.groups.add(members)

    assert client.get("/actualites/comite/").status_code == 302
    client.force_login(outsider)
    assert client.get("/actualites/comite/").status_code == 302
    client.force_login(member)
    response = client.get("/actualites/comite/")
    assert response.status_code == 200
    assert "Compte rendu du comité de projet" in response.content.decode()


def test_a_page_seen_by_a_member_is_not_served_from_cache_to_anonymous_readers(client, news):
    members = Group.objects.create(name="Comité de projet")
    member = _user("membre@example.fr")
    member.groups.add(members)
    client.get("/actualites/comite/")  # cached while public
    restriction = _restrict(news, PageViewRestriction.GROUPS)
    restriction.groups.add(members)
    client.force_login(member)
    assert client.get("/actualites/comite/").status_code == 200
    client.logout()
    response = client.get("/actualites/comite/")
    assert response.status_code == 302
    assert "Compte rendu du comité de projet" not in response.content.decode()


def test_the_login_form_is_the_portal_s_french_dsfr_page(client, news):
    _restrict(news, PageViewRestriction.LOGIN)
    _user()
    login_url = client.get("/actualites/comite/")["Location"]

    html = client.get(login_url).content.decode()
    assert "<h1>Connexion requise</h1>" in html
    assert 'class="fr-header"' in html
    assert 'id="pied-de-page"' in html
    assert '<label class="fr-label" for="connexion-identifiant">' in html
    assert 'name="next" value="/actualites/comite/"' in html
    assert "Log in" not in html

    wrong = client.post(login_url, {"username": "referente@example.fr", "password": "non"})
    assert wrong.status_code == 200
    wrong_html = wrong.content.decode()
    assert "Adresse électronique ou mot de passe incorrect" in wrong_html
    assert 'value="referente@example.fr"' in wrong_html


def test_the_password_form_is_french_and_shows_nothing_of_the_page(client, news):
    _restrict(news, PageViewRestriction.PASSWORD, password=PASSWORD)

    html = client.get("/actualites/comite/").content.decode()
    assert "<h1>Accès protégé par un mot de passe</h1>" in html
    assert 'class="fr-header"' in html
    assert '<label class="fr-label" for="protection-mot-de-passe">' in html
    assert "Compte rendu du comité" not in html
    assert "Password required" not in html

    wrong = client.post(
        _password_form_action(html), {"password": "non", "return_url": "/actualites/comite/"}
    )
    assert "Ce mot de passe n’est pas le bon" in wrong.content.decode()
    assert 'class="fr-input fr-input--error"' in wrong.content.decode()
