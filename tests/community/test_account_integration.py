"""The community in « Mon compte »: sections, export of my data, deletion keeps my posts."""

import json

import pytest

from community.forum.models import Post
from community.notifications.models import Follow, Notification

pytestmark = pytest.mark.django_db


def test_my_account_lists_my_groups_posts_follows_and_notifications(world, client_for):
    author = world["group_member"]
    Follow.objects.create(user=author, topic=world["topics"]["public"])
    post = world["topics"]["public"].posts.get(number=2)  # a post they may read
    Notification.objects.create(
        user=author,
        kind="mention",
        event=f"post:{post.pk}",
        title="Coline vous mentionne",
        url=post.get_absolute_url(),
    )
    page = client_for(author).get("/comptes/").content.decode()
    for text in (
        "Mes groupes de travail",
        "Habitat",
        "Mes sujets et réponses",
        "Sujet public",
        "Ce que je suis",
        "Mes notifications",
        "Coline vous mentionne",
    ):
        assert text in page


def test_export_contains_my_posts(world, client_for):
    author = world["group_member"]
    response = client_for(author).get("/comptes/export/")
    data = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    texts = [post["texte"] for post in data["communaute"]["messages"]]
    assert "Message 1" in texts
    assert {g["groupe"] for g in data["communaute"]["groupes"]} == {"Habitat", "Commerce"}


def test_deleting_my_account_keeps_my_posts_signed_compte_supprime(world, client_for):
    from community.accounts.personal_data import delete_account

    author = world["group_member"]
    Follow.objects.create(user=author, topic=world["topics"]["public"])
    delete_account(author)
    post = Post.objects.get(topic=world["topics"]["public"], number=1)
    assert post.author is None
    assert not Follow.objects.exists()
    page = client_for(None).get(world["topics"]["public"].get_absolute_url()).content.decode()
    assert "Compte supprimé" in page
    assert "Message 1" in page


def test_unverified_account_cannot_post(world, unverified, client_for):
    topic = world["topics"]["public"]
    response = client_for(unverified).post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "Coucou"})
    assert response.status_code == 403
    assert topic.posts.count() == 2
