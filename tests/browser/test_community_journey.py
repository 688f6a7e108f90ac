"""The community journey in Chromium: sign up, confirm the e-mail (read from the mail
files), join a group, post a topic; another member replies with a mention; the first member
sees the notification on the site and receives its e-mail."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PASSWORD = "une phrase de passe très solide"
REPLIER = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from community.groups.models import Membership, WorkingGroup
user = get_user_model().objects.create_user("bastien.journey@example.org", {password!r},
                                            first_name="Bastien", last_name="Parcours")
EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
Membership.objects.create(group=WorkingGroup.objects.get(slug="habitat"), user=user)
"""


def mails_to(mail_dir: Path, address: str) -> list[str]:
    if not mail_dir.exists():
        return []
    texts = [path.read_text(errors="replace") for path in sorted(mail_dir.iterdir())]
    return [text for text in texts if f"To: {address}" in text]


def submit(page: Page, fields: dict[str, str], button: str) -> None:
    for name, value in fields.items():
        page.fill(f"main [name='{name}']", value)
    page.get_by_role("button", name=button).click()


def test_sign_up_join_post_get_mentioned(page: Page, browser: Browser, served_site, base_url):
    mail_dir = served_site.var_dir / "mails"
    page.goto("/comptes/inscription/")
    submit(
        page,
        {
            "email": "lea.journey@example.org",
            "first_name": "Léa",
            "last_name": "Journée",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        "Créer mon compte",
    )
    (confirmation,) = mails_to(mail_dir, "lea.journey@example.org")
    link = re.search(r"https?://[^\s]+/comptes/confirmation/[^\s/]+/", confirmation).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()

    page.goto("/groupes-de-travail/habitat/")
    page.get_by_role("button", name="Rejoindre le groupe").click()
    expect(page.locator("main")).to_contain_text("Vous êtes membre")
    page.get_by_role("link", name="Tous les sujets du groupe").click()
    page.get_by_role("link", name="Nouveau sujet").click()
    submit(
        page,
        {
            "title": "Permis de louer : retours d’expérience",
            "body": "Qui a mis en place le **permis de louer** ?",
        },
        "Publier",
    )
    expect(page.locator("h1")).to_have_text("Permis de louer : retours d’expérience")
    topic_path = re.sub(r"^https?://[^/]+", "", page.url).split("#")[0]

    served_site.manage("shell", "-c", REPLIER.format(password=PASSWORD))
    other = browser.new_context(base_url=base_url).new_page()
    other.goto("/comptes/connexion/")
    submit(other, {"login": "bastien.journey@example.org", "password": PASSWORD}, "Se connecter")
    other.wait_for_load_state()
    other.goto(topic_path)
    submit(
        other,
        {"body": "@lea.journee nous l’avons fait à Albi, je vous raconte."},
        "Envoyer la réponse",
    )
    expect(other.locator("main")).to_contain_text("nous l’avons fait à Albi")
    other.context.close()

    page.goto("/notifications/")
    expect(page.locator("main")).to_contain_text(
        "Bastien Parcours dans « Permis de louer : retours d’expérience »"
    )
    mention_mails = [
        m for m in mails_to(mail_dir, "lea.journey@example.org") if "Permis de louer" in m
    ]
    assert len(mention_mails) == 1
    assert (
        "nous l=E2=80=99avons fait" in mention_mails[0] or "nous l’avons fait" in mention_mails[0]
    )
    assert "/comptes/desabonnement/" in mention_mails[0]
