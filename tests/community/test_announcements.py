"""Announcements: staff only, to everyone or a group, on site and by e-mail, rate-limited."""

import pytest
from django.core import mail

from community.notifications.models import Announcement, Notification

pytestmark = pytest.mark.django_db


def test_only_staff_may_announce(world, client_for):
    for role in ("visitor", "member", "coordinator", "moderator"):
        response = client_for(world[role]).post(
            "/annonces/nouvelle/", {"audience": "everyone", "title": "t", "body": "b"}
        )
        assert response.status_code in (302, 404), role
        if response.status_code == 302:
            assert "/comptes/connexion/" in response["Location"] or "login" in response["Location"]
    assert not Announcement.objects.exists()


def test_group_announcement_reaches_the_group_on_site_and_by_mail(
    world, client_for, django_capture_on_commit_callbacks
):
    group = world["groups"]["private"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world["staff"]).post(
            "/annonces/nouvelle/",
            {
                "audience": "group",
                "group": group.pk,
                "title": "Réunion du groupe",
                "body": "Le 12 à 14 h.",
            },
        )
    assert response.status_code == 302
    recipients = set(
        Notification.objects.filter(event__startswith="announcement:").values_list(
            "user_id", flat=True
        )
    )
    assert recipients == {world["group_member"].pk, world["coordinator"].pk}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["group_member"].email, world["coordinator"].email]
    )
    assert "Le 12 à 14 h." in mail.outbox[0].body


def test_group_audience_needs_a_group(world, client_for):
    response = client_for(world["staff"]).post(
        "/annonces/nouvelle/", {"audience": "group", "title": "t", "body": "b"}
    )
    assert "Choisissez le groupe de travail destinataire" in response.content.decode()
    assert not Announcement.objects.exists()


def test_announcements_are_rate_limited(world, client_for, settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {"community.announcement": (1, 3600)}
    client = client_for(world["staff"])
    client.post("/annonces/nouvelle/", {"audience": "everyone", "title": "Un", "body": "Premier"})
    response = client.post(
        "/annonces/nouvelle/", {"audience": "everyone", "title": "Deux", "body": "Texte gardé"}
    )
    assert response.status_code == 429
    assert "Texte gardé" in response.content.decode()
    assert Announcement.objects.count() == 1
