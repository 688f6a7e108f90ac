"""Accounts, the directory, the forum, notifications and announcements in Chromium, signed
out and signed in: the sign-up journey with its confirmation e-mail, then axe-core and the Nu
HTML checker on every page."""

import re
from email import message_from_bytes
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .audit import PageAudit, run_axe, visit
from .html_check import describe, html_errors
from .pages import SitePage
from .served_site import ServedSite

pytestmark = pytest.mark.browser

PASSWORD = "une phrase de passe pour le navigateur"
MEMBER_PAGES = (
    "/comptes/",
    "/comptes/profil/",
    "/comptes/courriels/",
    "/comptes/adresses/",
    "/comptes/mot-de-passe/",
    "/comptes/suppression/",
    "/annuaire/",
    "/forum/",
    "/forum/general/",
    "/forum/general/nouveau-sujet/",
    "/notifications/",
    # The member's entry is made a regional State referent's: the form is theirs.
    "/annonces/nouvelle/",
)
VISITOR_PAGES = ("/annuaire/", "/annuaire/?role=referent-departemental&q=pr%C3%A9fecture")


def _confirmation_link(mail_dir: Path, address: str) -> str:
    for path in sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True):
        for raw in path.read_text(encoding="utf-8").split("-" * 79):
            if address not in raw:
                continue
            message = message_from_bytes(raw.strip().encode("utf-8"))
            text = "".join(
                part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
                for part in message.walk()
                if part.get_content_type() == "text/plain"
            )
            match = re.search(r"https?://[^/\s]+(/comptes/confirmation/[^\s]+)", text)
            if match:
                return match.group(1)
    raise AssertionError(f"no confirmation e-mail for {address} in {mail_dir}")


@pytest.fixture(scope="module")
def entry_path(served_site: ServedSite) -> str:
    output = served_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from community.directory.models import DirectoryEntry;"
        "print(DirectoryEntry.objects.current().order_by('pk').first().slug)",
    )
    return f"/annuaire/{output.strip().splitlines()[-1]}/"


@pytest.fixture(scope="module")
def member_state(browser: Browser, served_site: ServedSite, entry_path: str) -> dict:
    """A visitor signs up, confirms the address from the e-mail, and is signed in."""
    context = browser.new_context(base_url=served_site.base_url)
    page = context.new_page()
    address = "navigatrice@ville-albi.fr"
    page.goto("/comptes/inscription/")
    page.fill("#id_email", address)
    page.fill("#id_first_name", "Noémie")
    page.fill("#id_last_name", "Navigatrice")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/comptes/confirmation/")
    assert "Vérifiez votre adresse électronique" in page.content()
    page.goto(_confirmation_link(served_site.var_dir / "mails", address))
    page.click("main button[type=submit]")
    page.wait_for_url("**/comptes/")
    assert "Noémie Navigatrice" in page.locator("main").inner_text()
    # The person's own directory entry, linked by staff, so that the proposal form shows.
    served_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from community.directory.models import DirectoryEntry;"
        "from community.accounts.models import User;"
        f"DirectoryEntry.objects.filter(slug='{entry_path.split('/')[2]}')"
        f".update(user=User.objects.get(email='{address}'), role='referent-regional',"
        " mandate_end=None);"
        "from cms.territories.models import Region;"
        f"DirectoryEntry.objects.get(slug='{entry_path.split('/')[2]}')"
        ".regions.add(Region.objects.order_by('pk').first())",
    )
    state = context.storage_state()
    context.close()
    return state


def _audit(
    browser: Browser, base_url: str, paths: list[str], axe_script: Path, state: dict | None
) -> list[PageAudit]:
    visitor = browser.new_context(base_url=base_url, storage_state=state)
    checker = browser.new_context(base_url=base_url, storage_state=state, bypass_csp=True)
    try:
        audits = []
        for path in paths:
            audit = visit(visitor, base_url, SitePage(path))
            audit.axe_violations = run_axe(checker, path, axe_script)
            audits.append(audit)
        return audits
    finally:
        visitor.close()
        checker.close()


@pytest.fixture(scope="module")
def topic_path(served_site: ServedSite) -> str:
    output = served_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from community.visibility import public_topics;"
        "print(public_topics().filter(category__slug='general').order_by('pk')"
        ".first().get_absolute_url())",
    )
    return output.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def community_audits(browser, served_site, axe_script, member_state, entry_path, topic_path):
    signed_out = _audit(
        browser, served_site.base_url, [*VISITOR_PAGES, entry_path], axe_script, None
    )
    signed_in = _audit(
        browser,
        served_site.base_url,
        [*MEMBER_PAGES, entry_path, f"{entry_path}proposer/", topic_path],
        axe_script,
        member_state,
    )
    return {"signed out": signed_out, "signed in": signed_in}


def test_pages_answer_and_work_under_the_csp(community_audits):
    problems = [
        f"{who} {audit.path}: status {audit.status}, errors {audit.browser_errors}, "
        f"DSFR JS ran: {audit.dsfr_js_ran}"
        for who, audits in community_audits.items()
        for audit in audits
        if audit.status != 200 or audit.browser_errors or not audit.dsfr_js_ran
    ]
    assert not problems, "\n".join(problems)


def test_signed_in_pages_show_the_account_menu(community_audits):
    for audit in community_audits["signed in"]:
        assert "Se déconnecter" in audit.html, audit.path
        assert "Se connecter</a>" not in audit.html, audit.path
    for audit in community_audits["signed out"]:
        assert "Créer un compte" in audit.html, audit.path


def test_the_member_sees_their_entry_and_may_propose_changes(community_audits, entry_path):
    signed_in = {audit.path: audit for audit in community_audits["signed in"]}
    assert "Proposer des modifications" in signed_in[entry_path].html
    assert signed_in[f"{entry_path}proposer/"].h1_count == 1


def test_the_member_reaches_the_forum_forms_signed_in(community_audits, topic_path):
    signed_in = {audit.path: audit for audit in community_audits["signed in"]}
    assert 'list="villes-du-programme"' in signed_in["/forum/general/nouveau-sujet/"].html
    assert "Répondre" in signed_in[topic_path].html
    assert "Les membres d’une région" in signed_in["/annonces/nouvelle/"].html


@pytest.mark.parametrize("who", ["signed out", "signed in"])
def test_community_pages_pass_axe(community_audits, who):
    failures = [
        f"{audit.path}\n"
        + "\n".join(
            f"  - {v['id']} ({v['impact']}): {v['help']}\n      " + "\n      ".join(v["targets"])
            for v in audit.axe_violations
        )
        for audit in community_audits[who]
        if audit.axe_violations
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("who", ["signed out", "signed in"])
def test_community_pages_are_valid_html(community_audits, who, vnu_jar, tmp_path):
    errors = html_errors(community_audits[who], vnu_jar, tmp_path)
    assert not errors, describe(errors)
