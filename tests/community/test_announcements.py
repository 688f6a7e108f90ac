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


# --- A region's State referents, and the members of a region --------------------------


@pytest.fixture
def regions(territories):
    from cms.territories.models import Region

    return {
        "bretagne": Region.objects.get(name="Bretagne"),
        "occitanie": Region.objects.get(name="Occitanie"),
    }


def state_referent(user, *, role="referent-regional", **coverage):
    from community.directory.models import DirectoryEntry

    entry = DirectoryEntry.objects.create(
        first_name=user.first_name,
        last_name=user.last_name,
        role=role,
        organisation="Préfecture",
        user=user,
    )
    for relation, values in coverage.items():
        getattr(entry, relation).set(values)
    return entry


def post_announcement(client, **data):
    return client.post(
        "/annonces/nouvelle/", {"title": "Réunion régionale", "body": "Le 3 à 10 h.", **data}
    )


def test_region_announcement_reaches_the_region_members_only(
    world, client_for, regions, django_capture_on_commit_callbacks
):
    from cms.territories.models import Department, Town

    bretagne, occitanie = regions["bretagne"], regions["occitanie"]
    world["member"].region = bretagne
    world["member"].save()
    world["group_member"].region = occitanie  # another region: not told
    world["group_member"].save()
    # A departmental referent of a Breton department counts as a member of the region,
    # as does a town's project director in Brittany.
    finistere = Department.objects.get(code="29")
    state_referent(world["coordinator"], role="referent-departemental", departments=[finistere])
    state_referent(
        world["moderator"],
        role="directeur-projet",
        towns=[Town.objects.filter(department__region=bretagne).first()],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post_announcement(
            client_for(world["staff"]), audience="region", region=bretagne.pk
        )
    assert response.status_code == 302
    recipients = set(
        Notification.objects.filter(event__startswith="announcement:").values_list(
            "user_id", flat=True
        )
    )
    assert recipients == {world["member"].pk, world["coordinator"].pk, world["moderator"].pk}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["member"].email, world["coordinator"].email, world["moderator"].email]
    )
    assert Announcement.objects.get().region == bretagne


def test_a_regional_state_referent_announces_to_their_region_only(
    world, client_for, regions, django_capture_on_commit_callbacks
):
    bretagne, occitanie = regions["bretagne"], regions["occitanie"]
    referent = world["member"]
    state_referent(referent, regions=[bretagne])
    world["group_member"].region = bretagne
    world["group_member"].save()
    client = client_for(referent)

    form = client.get("/annonces/nouvelle/").content.decode()
    assert "Bretagne" in form
    assert "Occitanie" not in form
    assert 'value="everyone"' not in form
    assert 'value="group"' not in form

    # Forged choices: another region, the whole community, a group. Nothing is sent.
    for forged in (
        {"audience": "region", "region": occitanie.pk},
        {"audience": "everyone"},
        {"audience": "group", "group": world["groups"]["public"].pk},
    ):
        response = post_announcement(client, **forged)
        assert response.status_code == 200, forged
        assert "Vous ne pouvez pas écrire" in response.content.decode(), forged
    assert not Announcement.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = post_announcement(client, audience="region", region=bretagne.pk)
    assert response.status_code == 302
    assert set(Notification.objects.values_list("user_id", flat=True)) == {
        world["group_member"].pk,
        referent.pk,  # their own entry covers the region
    }


def test_a_state_referent_whose_mandate_ended_may_no_longer_announce(world, client_for, regions):
    import datetime

    entry = state_referent(world["member"], regions=[regions["bretagne"]])
    entry.mandate_end = datetime.date.today() - datetime.timedelta(days=1)
    entry.save()
    response = post_announcement(
        client_for(world["member"]), audience="region", region=regions["bretagne"].pk
    )
    assert response.status_code == 404
    assert not Announcement.objects.exists()


def test_other_partner_referents_may_not_announce(world, client_for, regions):
    state_referent(world["member"], role="anah", regions=[regions["bretagne"]])
    response = post_announcement(
        client_for(world["member"]), audience="region", region=regions["bretagne"].pk
    )
    assert response.status_code == 404


def test_region_audience_needs_a_region(world, client_for):
    response = post_announcement(client_for(world["staff"]), audience="region")
    assert "Choisissez la région destinataire" in response.content.decode()
    assert not Announcement.objects.exists()


def test_members_choose_their_region_in_their_profile(member, client_for, regions):
    response = client_for(member).post(
        "/comptes/profil/",
        {"first_name": "Camille", "last_name": "Martin", "region": regions["bretagne"].pk},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.region == regions["bretagne"]
    export = client_for(member).get("/comptes/export/").json()
    assert export["compte"]["region_de_rattachement"] == "Bretagne"
