"""Rules settled after the outsider review: coordinators read hidden posts and their
attachments alike; one's own post cannot be reported, nor anything while suspended; a
topic others replied to is deleted by moderators only."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from community.forum import posting
from community.forum.models import Attachment, Post, Report, Suspension, Topic

pytestmark = pytest.mark.django_db


def test_coordinators_read_hidden_posts_and_their_attachments(
    world, client_for, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    post = world["topics"]["private"].posts.get(number=2)
    item = Attachment(post=post, name="annexe.pdf", content_type="application/pdf", size=12)
    item.file.save("x", ContentFile(b"%PDF-1.4 test"), save=True)
    Post.objects.filter(pk=post.pk).update(html="<p>Contenu signalé</p>", is_hidden=True)
    coordinator = client_for(world["coordinator"])
    page = coordinator.get(post.topic.get_absolute_url()).content.decode()
    assert "Contenu signalé" in page
    assert item.get_absolute_url() in page
    assert coordinator.get(item.get_absolute_url()).status_code == 200
    group_member = client_for(world["group_member"])
    assert "Contenu signalé" not in group_member.get(post.topic.get_absolute_url()).content.decode()
    assert group_member.get(item.get_absolute_url()).status_code == 404


def test_members_cannot_report_their_own_post(world, client_for):
    post = world["topics"]["public"].posts.get(number=2)  # written by group_member
    client = client_for(world["group_member"])
    response = client.post(f"/forum/message/{post.pk}/signaler/", {"reason": "Je me signale"})
    assert response.status_code == 302
    assert not Report.objects.exists()
    page = client.get(response["Location"], follow=True).content.decode()
    assert "Vous ne pouvez pas signaler votre propre message." in page


def test_suspended_members_cannot_report(world, client_for):
    Suspension.objects.create(
        user=world["member"], until=timezone.now() + timedelta(days=3), reason="Abus"
    )
    topic = world["topics"]["public"]
    post = topic.posts.get(number=2)
    client = client_for(world["member"])
    assert (
        f"/forum/message/{post.pk}/signaler/"
        not in client.get(topic.get_absolute_url()).content.decode()
    )
    response = client.post(f"/forum/message/{post.pk}/signaler/", {"reason": "Abus"})
    assert response.status_code == 403
    assert "suspendu" in response.content.decode()
    assert not Report.objects.exists()


def test_a_topic_others_replied_to_is_deleted_by_moderators_only(world, client_for):
    topic = world["topics"]["public"]
    first = topic.posts.get(number=1)
    posting.create_reply(topic=topic, author=world["member"], body="Ma réponse à garder")
    author = client_for(world["group_member"])
    page = author.get(topic.get_absolute_url()).content.decode()
    assert f"/forum/message/{first.pk}/supprimer/" not in page
    assert author.post(f"/forum/message/{first.pk}/supprimer/").status_code == 403
    assert not Topic.objects.get(pk=topic.pk).is_deleted
    # Their own reply stays theirs to delete, and a moderator may remove the topic.
    second = topic.posts.get(number=2)
    assert f"/forum/message/{second.pk}/supprimer/" in page
    moderator = client_for(world["moderator"])
    assert moderator.post(f"/forum/message/{first.pk}/supprimer/").status_code == 302
    assert Topic.objects.get(pk=topic.pk).is_deleted


def test_a_topic_without_replies_from_others_is_deleted_by_its_author(world, client_for):
    topic = world["topics"]["public"]  # both posts by group_member
    first = topic.posts.get(number=1)
    response = client_for(world["group_member"]).post(f"/forum/message/{first.pk}/supprimer/")
    assert response.status_code == 302
    assert Topic.objects.get(pk=topic.pk).is_deleted
