"""Notifications: after commit, once per event, only to those who may read, signed
one-click unsubscribe, daily digest."""

import json

import pytest
from django.core import mail
from django.test import Client

from community.accounts.email_preferences import set_preferences, wants_email
from community.accounts.unsubscribe import make_token
from community.forum import posting
from community.groups.models import Membership
from community.notifications import tasks
from community.notifications.models import Follow, Kind, Notification

pytestmark = pytest.mark.django_db


def test_reply_notifies_followers_once_after_commit(
    world, member, django_capture_on_commit_callbacks
):
    topic = world["topics"]["public"]
    Follow.objects.create(user=member, topic=topic)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post = posting.create_reply(
            topic=topic, author=world["coordinator"], body="Une nouvelle réponse"
        )
    assert Notification.objects.count() == 0  # nothing leaves before the commit
    for callback in callbacks:  # the notification, and the search index's update
        callback()
    notification = Notification.objects.get(user=member)
    assert notification.kind == Kind.REPLY
    assert notification.url == post.get_absolute_url()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    # A retried task finds the same event: no second notification, no second e-mail.
    tasks.deliver_post(post.pk)
    assert Notification.objects.filter(user=member).count() == 1
    assert len(mail.outbox) == 1


def test_the_author_is_not_notified_of_their_own_post(world, django_capture_on_commit_callbacks):
    topic = world["topics"]["public"]
    author = world["group_member"]
    Follow.objects.create(user=author, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        posting.create_reply(topic=topic, author=author, body="Moi-même")
    assert not Notification.objects.filter(user=author).exists()


def test_mentions_never_reach_someone_who_may_not_read(
    world, member, other_member, django_capture_on_commit_callbacks
):
    """`member` is not in the members-only group: mentioning them there notifies nobody."""
    topic = world["topics"]["private"]
    add = Membership.objects.create
    add(group=world["groups"]["private"], user=other_member, status=Membership.Status.ACTIVE)
    with django_capture_on_commit_callbacks(execute=True):
        posting.create_reply(
            topic=topic,
            author=world["group_member"],
            body="@camille.martin et @eloise.durand, avis ?",
        )
    assert not Notification.objects.filter(user=member).exists()
    mention = Notification.objects.get(user=other_member)
    assert mention.kind == Kind.MENTION
    assert [m.to for m in mail.outbox] == [[other_member.email]]


def test_hidden_post_is_not_delivered(world, member, django_capture_on_commit_callbacks):
    topic = world["topics"]["public"]
    Follow.objects.create(user=member, topic=topic)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post = posting.create_reply(
            topic=topic, author=world["group_member"], body="Bientôt masqué"
        )
    post.is_hidden = True
    post.save()
    for callback in callbacks:
        callback()
    assert not Notification.objects.exists()


def test_email_has_a_signed_one_click_unsubscribe(
    world, member, django_capture_on_commit_callbacks
):
    topic = world["topics"]["public"]
    Follow.objects.create(user=member, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        posting.create_reply(topic=topic, author=world["group_member"], body="<b>gras</b> *texte*")
    message = mail.outbox[0]
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert "<b>" not in html
    assert "&lt;b&gt;" not in html
    path = url.removeprefix("http://testserver")
    client = Client(enforce_csrf_checks=True)
    assert "Me désabonner" in client.get(path).content.decode()
    assert wants_email(member, "forum_reply")  # a GET (link preview) changes nothing
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not wants_email(member, "forum_reply")
    assert wants_email(member, "mention")  # only that kind
    # Later replies still notify on the site, without an e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        posting.create_reply(topic=topic, author=world["group_member"], body="Encore")
    assert Notification.objects.filter(user=member).count() == 2
    assert len(mail.outbox) == 1


def test_forged_unsubscribe_token_is_refused(member):
    token = make_token(member, Kind.REPLY)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = Client().post(f"/comptes/desabonnement/{forged}/")
    assert response.status_code == 404
    assert "Lien de désabonnement invalide" in response.content.decode()
    assert wants_email(member, "forum_reply")


def test_daily_digest_groups_the_day_and_skips_what_became_unreadable(
    world, member, django_capture_on_commit_callbacks
):
    topic = world["topics"]["public"]
    Follow.objects.create(user=member, topic=topic)
    set_preferences(member, ["forum_reply", "mention", "digest"])
    with django_capture_on_commit_callbacks(execute=True):
        kept = posting.create_reply(topic=topic, author=world["group_member"], body="À lire")
        hidden = posting.create_reply(topic=topic, author=world["group_member"], body="Retiré")
    assert len(mail.outbox) == 0  # digest readers get no per-event mail
    hidden.is_hidden = True
    hidden.save()
    assert tasks.send_daily_digest() == 1
    body = mail.outbox[0].body
    assert kept.get_absolute_url() in body
    assert hidden.get_absolute_url() not in body
    assert tasks.send_daily_digest() == 0  # never twice


def test_notification_page(world, member, client_for, django_capture_on_commit_callbacks):
    topic = world["topics"]["public"]
    Follow.objects.create(user=member, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        posting.create_reply(topic=topic, author=world["group_member"], body="Coucou")
    client = client_for(member)
    page = client.get("/notifications/").content.decode()
    assert "Sujet public" in page
    assert "Non lu" in page
    client.post("/notifications/tout-lire/")
    assert "Non lu" not in client.get("/notifications/").content.decode()
    assert client_for(None).get("/notifications/").status_code == 302


def test_listed_notifications_ask_the_visibility_rule_again(
    world, client_for, django_capture_on_commit_callbacks
):
    """A member told about a members-only post who then leaves the group, or about a post
    moderation hid, no longer sees its title or excerpt in « Mes notifications »."""
    private_topic = world["topics"]["private"]
    public_topic = world["topics"]["public"]
    reader = world["group_member"]
    for topic in (private_topic, public_topic):
        Follow.objects.create(user=reader, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        posting.create_reply(
            topic=private_topic, author=world["coordinator"], body="Chiffres confidentiels"
        )
        hidden = posting.create_reply(
            topic=public_topic, author=world["coordinator"], body="Propos déplacés"
        )
        posting.create_reply(topic=public_topic, author=world["coordinator"], body="Bienvenue")
    client = client_for(reader)
    page = client.get("/notifications/").content.decode()
    assert "Sujet réservé" in page
    assert "Chiffres confidentiels" in page
    assert "Propos déplacés" in page

    Membership.objects.filter(user=reader, group=world["groups"]["private"]).delete()
    hidden.is_hidden = True
    hidden.save()
    from community import visibility

    visibility.forget_groups(reader)
    page = client.get("/notifications/").content.decode()
    assert "Sujet réservé" not in page
    assert "Chiffres confidentiels" not in page
    assert "Propos déplacés" not in page
    assert page.count("Message qui ne vous est plus accessible") == 2
    assert "Bienvenue" in page  # what they may still read is listed as before


def test_no_email_for_a_post_hidden_before_sending(world, member):
    topic = world["topics"]["public"]
    Follow.objects.create(user=member, topic=topic)
    post = posting.create_reply(topic=topic, author=world["group_member"], body="Retiré vite")
    recipients = tasks.delivery.recipients_for_post(post)
    ids = tasks.delivery.notify(
        recipients, event=f"post:{post.pk}", title="t", text="x", url=post.get_absolute_url()
    )
    post.is_hidden = True
    post.save()
    assert tasks._send(ids) == 0
    assert mail.outbox == []


def test_my_account_and_export_forget_what_a_member_may_no_longer_read(
    world, client_for, django_capture_on_commit_callbacks
):
    private_topic = world["topics"]["private"]
    reader = world["group_member"]
    Follow.objects.create(user=reader, topic=private_topic)
    with django_capture_on_commit_callbacks(execute=True):
        posting.create_reply(topic=private_topic, author=world["coordinator"], body="Budget 2027")
    Membership.objects.filter(user=reader, group=world["groups"]["private"]).delete()
    client = client_for(reader)
    home = client.get("/comptes/").content.decode()
    assert "Sujet réservé" not in home
    assert "Message qui ne vous est plus accessible" in home
    # Their own posts stay in the export (their right of access); what others wrote and
    # what they followed there do not.
    community = client.get("/comptes/export/").json()["communaute"]
    told = json.dumps([community["notifications"], community["abonnements"]], ensure_ascii=False)
    assert "Sujet réservé" not in told
    assert "Message qui ne vous est plus accessible" in told
