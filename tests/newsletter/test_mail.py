"""The mail as received: parsed with Python's `email` package, both parts, the headers."""

import email
import re
from email import policy

import pytest

from newsletter import sending
from newsletter.models import Delivery, Issue
from newsletter.rendering import MAX_HTML_BYTES, render_issue

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


def test_rendered_issue_is_french_inlined_responsive_and_light(issue):
    rendered = render_issue(issue)
    html = rendered.html
    assert '<html lang="fr"' in html
    assert "@media only screen and (max-width: 480px)" in html  # media queries kept
    assert 'style="' in html  # CSS inlined
    assert "fonts.googleapis" not in html
    assert len(html.encode()) < MAX_HTML_BYTES
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs
    assert all(h.startswith("http://testserver/") or h.startswith("https://") for h in hrefs)
    assert all(re.search(r"\salt=", tag) for tag in re.findall(r"<img\b[^>]*>", html))
    assert "Les 245 villes au rendez-vous" in rendered.text
    assert "L’actualité nationale du programme" in rendered.text


def test_sent_mail_parses_with_both_parts_and_the_list_headers(issue, smtpd):
    (subscriber,) = make_subscribers(1)
    assert sending.start_send(issue.pk)
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT
    (_mail_from, rcpts, raw) = smtpd.messages[0]
    assert rcpts == [subscriber.email]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == issue.title
    assert message["To"] == subscriber.email
    assert message["Message-ID"].startswith(f"<lettre.{issue.pk}.{subscriber.pk}.")
    unsubscribe = message["List-Unsubscribe"]
    assert re.fullmatch(
        r"<http://testserver/lettre-d-information/desabonnement/[^>]+>", unsubscribe
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "Lettre d'information Coeur de ville <lettre.coeurdeville.example>"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Les 245 villes au rendez-vous" in text
    assert '<html lang="fr"' in html
    url = unsubscribe.strip("<>")
    assert url in text
    assert url.replace("&", "&amp;") in html
    assert "placeholder.invalid" not in text + html
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_message_id_is_the_same_for_the_same_issue_and_subscriber(issue):
    from newsletter.mime import message_id

    assert message_id(1, 2, "d") == message_id(1, 2, "d")
    assert message_id(1, 2, "d") != message_id(1, 3, "d")
