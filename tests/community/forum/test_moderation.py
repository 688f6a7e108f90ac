"""Reports, automatic hiding, the admin moderation queue, suspensions and the audit log."""

import pytest
from wagtail.models import ModelLogEntry

from community.forum.models import Post, Report, Suspension

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(world):
    return world["topics"]["public"].posts.get(number=2)


def report(client, post, reason="Propos injurieux"):
    return client.post(f"/forum/message/{post.pk}/signaler/", {"reason": reason})


def test_a_member_reports_a_post_once(world, client_for, reported):
    client = client_for(world["member"])
    report(client, reported)
    response = report(client, reported)
    assert Report.objects.filter(post=reported).count() == 1
    assert "déjà signalé" in client.get(response["Location"], follow=True).content.decode()


def test_empty_reason_is_refused_in_french(world, client_for, reported):
    response = report(client_for(world["member"]), reported, reason="  ")
    assert "Indiquez le motif du signalement" in response.content.decode()
    assert not Report.objects.exists()


def test_reports_hide_the_post_at_the_threshold(world, client_for, reported, settings):
    settings.FORUM_REPORT_THRESHOLD = 2
    report(client_for(world["member"]), reported)
    reported.refresh_from_db()
    assert not reported.is_hidden
    report(client_for(world["coordinator"]), reported)
    reported.refresh_from_db()
    assert reported.is_hidden
    page = client_for(None).get(reported.topic.get_absolute_url()).content.decode()
    assert "Message 2" not in page
    assert "Message masqué par la modération" in page


def test_visitors_cannot_report(world, client_for, reported):
    response = report(client_for(None), reported)
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_moderation_queue_in_the_admin_logs_every_decision(world, client_for, reported):
    report(client_for(world["member"]), reported)
    client = client_for(world["moderator"])  # the role's group grants access to the admin
    queue = client.get("/admin/moderation-forum/")
    assert queue.status_code == 200
    assert "Propos injurieux" in queue.content.decode()
    client.post(f"/admin/moderation-forum/{reported.pk}/", {"action": "hide"})
    reported.refresh_from_db()
    assert reported.is_hidden
    assert "Aucun signalement en attente" in client.get("/admin/moderation-forum/").content.decode()
    client.post(
        f"/admin/moderation-forum/{reported.pk}/",
        {"action": "suspend", "days": "7", "reason": "Insultes répétées"},
    )
    author = reported.author
    assert Suspension.objects.filter(user=author).exists()
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"forum.hide", "forum.suspend"} <= actions
    # The suspended author can no longer post.
    response = client_for(author).post(
        f"/forum/sujet/{reported.topic_id}/repondre/", {"body": "Re"}
    )
    assert response.status_code == 403
    assert "Votre compte est suspendu" in response.content.decode()


def test_queue_is_refused_to_non_moderators(world, client_for):
    staff_member = world["member"]
    staff_member.is_staff = True
    staff_member.save()
    # Staff are moderators by rule; a plain member is sent to the admin login.
    assert client_for(world["group_member"]).get("/admin/moderation-forum/").status_code == 302


def test_topic_actions_are_logged(world, client_for):
    topic = world["topics"]["private"]
    client_for(world["coordinator"]).post(f"/forum/sujet/{topic.pk}/moderer/", {"action": "pin"})
    entry = ModelLogEntry.objects.get(action="forum.pin")
    assert entry.user_id == world["coordinator"].pk
    assert entry.object_id == str(topic.pk)


def test_moderator_delete_is_logged_and_placeholder_shown(world, client_for, reported):
    client_for(world["moderator"]).post(f"/forum/message/{reported.pk}/supprimer/")
    assert ModelLogEntry.objects.filter(action="forum.delete").exists()
    page = client_for(world["member"]).get(reported.topic.get_absolute_url()).content.decode()
    assert "Message supprimé." in page
    assert "Message 2" not in page
    assert Post.objects.get(pk=reported.pk).is_deleted
