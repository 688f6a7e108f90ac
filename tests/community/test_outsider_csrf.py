"""An outsider's sweep: every state-changing form refuses a forged (token-less) POST, and
a GET to it changes nothing."""

import pytest
from django.test import Client

from community.forum.models import Post, Report, Topic
from community.groups.models import Membership
from community.notifications.models import Announcement, Follow, Notification

pytestmark = pytest.mark.django_db


def _urls(world):
    topic = world["topics"]["public"]
    post = topic.posts.last()
    group = world["groups"]["public"]
    return [
        f"/forum/{topic.category.slug}/nouveau-sujet/",
        f"/forum/sujet/{topic.pk}/repondre/",
        f"/forum/sujet/{topic.pk}/moderer/",
        f"/forum/message/{post.pk}/modifier/",
        f"/forum/message/{post.pk}/supprimer/",
        f"/forum/message/{post.pk}/signaler/",
        f"/forum/message/{post.pk}/moderer/",
        f"/forum/message/{post.pk}/reponse/",
        f"/forum/suivre/topic/{topic.pk}/",
        f"/groupes-de-travail/{group.slug}/rejoindre/",
        f"/groupes-de-travail/{group.slug}/quitter/",
        "/comptes/profil/",
        "/comptes/courriels/",
        "/comptes/suppression/",
        "/comptes/deconnexion/",
        "/notifications/tout-lire/",
        "/annonces/nouvelle/",
    ]


def _state():
    return (
        Topic.objects.count(),
        Post.objects.count(),
        list(Post.objects.values_list("body", "is_deleted").order_by("pk")),
        Report.objects.count(),
        Follow.objects.count(),
        Membership.objects.count(),
        Announcement.objects.count(),
        Notification.objects.filter(read_at__isnull=True).count(),
    )


@pytest.mark.parametrize("role", ["group_member", "staff", "moderator"])
def test_forged_posts_are_refused_and_change_nothing(world, role):
    client = Client(enforce_csrf_checks=True)
    user = world[role]
    client.force_login(user)
    before = _state()
    data = {
        "body": "forgé",
        "title": "Sujet forgé",
        "reason": "spam",
        "action": "hide",
        "message": "forgé",
        "confirm": "on",
        "first_name": "Forgé",
    }
    for url in _urls(world):
        response = client.post(url, data)
        assert response.status_code == 403, (url, response.status_code)
        response = client.get(url)
        assert response.status_code < 500, url
    assert _state() == before
    user.refresh_from_db()
    assert user.is_active
    assert user.first_name != "Forgé"
    assert client.get("/comptes/").status_code == 200  # still signed in
