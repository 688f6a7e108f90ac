"""The public web archive of sent issues, with its RSS feed."""

import pytest
from django.utils import timezone

from newsletter.models import Issue

pytestmark = pytest.mark.django_db


def test_archive_lists_only_sent_issues_and_advertises_rss(client, home_page, issue):
    Issue.objects.create(
        title="Envoyée", slug="envoyee", status=Issue.Status.SENT, sent_at=timezone.now()
    )
    html = client.get("/lettre-d-information/archives/").content.decode()
    assert "Envoyée" in html
    assert issue.title not in html  # a draft is not public
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/lettre-d-information/archives/rss/"' in html


def test_archive_page_shows_the_same_sections_as_the_mail(client, home_page, issue):
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())
    html = client.get(f"/lettre-d-information/archives/{issue.slug}/").content.decode()
    assert "L’actualité nationale du programme" in html
    assert "Les 245 villes au rendez-vous" in html
    assert "Le point de vue de la recherche" in html


def test_draft_issue_is_not_public(client, home_page, issue):
    assert client.get(f"/lettre-d-information/archives/{issue.slug}/").status_code == 404


def test_rss_feed_lists_sent_issues(client, home_page):
    Issue.objects.create(
        title="Numéro RSS", slug="rss", status=Issue.Status.SENT, sent_at=timezone.now()
    )
    response = client.get("/lettre-d-information/archives/rss/")
    assert response.status_code == 200
    assert "Numéro RSS" in response.content.decode()


def test_demo_loads_one_sent_issue(home_page, programme):
    from cms.core.demo_builders import DemoContext
    from newsletter import demo

    for _ in range(2):
        context = DemoContext(home=home_page)
        demo.load_demo(context)
        for step in context.deferred:
            step()
    assert Issue.objects.sent().count() == 1
