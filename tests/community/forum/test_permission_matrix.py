"""Who may do what, for every role, in a public and a members-only group's forum.

Content a role may not read answers 404 (never 403 with its title); content it may read
but not write answers 403 with a French explanation; allowed actions take effect."""

import pytest
from django.core.files.base import ContentFile

from community.forum.models import Attachment, Post, Topic

ROLES = ["visitor", "member", "group_member", "coordinator", "moderator", "staff"]
READERS = {
    "public": set(ROLES),
    "private": {"group_member", "coordinator", "moderator", "staff"},
}
WRITERS = {"group_member", "coordinator", "moderator", "staff"}
EDITORS = {"group_member", "moderator", "staff"}  # the author, and moderators
MODERATORS = {"coordinator", "moderator", "staff"}

pytestmark = pytest.mark.django_db


def expected(kind: str, role: str, allowed: set[str]) -> str:
    if role not in READERS[kind]:
        return "hidden"
    return "allowed" if role in allowed else "refused"


def outcome(status: int) -> str:
    return {404: "hidden", 403: "refused", 302: "allowed", 200: "allowed"}.get(status, str(status))


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_read_topic_category_and_post_link(world, client_for, role, kind):
    client = client_for(world[role])
    topic = world["topics"][kind]
    want = expected(kind, role, set(ROLES))
    for url in (
        topic.get_absolute_url(),
        topic.category.get_absolute_url(),
        topic.posts.last().get_absolute_url(),
    ):
        response = client.get(url)
        assert outcome(response.status_code) == want, url
        if want == "hidden":
            assert topic.title.encode() not in response.content
    listing = client.get("/forum/").content.decode()
    assert (topic.category.title in listing) == (want == "allowed")


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_start_a_topic(world, client_for, role, kind):
    client = client_for(world[role])
    category = world["topics"][kind].category
    before = Topic.objects.count()
    response = client.post(
        f"/forum/{category.slug}/nouveau-sujet/", {"title": "Question", "body": "Bonjour à tous"}
    )
    want = expected(kind, role, WRITERS)
    assert outcome(response.status_code) == want
    assert Topic.objects.count() == before + (want == "allowed")
    if want == "refused":
        assert (
            "Vous ne pouvez pas écrire ici" in response.content.decode()
            or "Connectez-vous" in response.content.decode()
        )


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_reply(world, client_for, role, kind):
    client = client_for(world[role])
    topic = world["topics"][kind]
    response = client.post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "Je réponds"})
    want = expected(kind, role, WRITERS)
    assert outcome(response.status_code) == want
    assert topic.posts.count() == 2 + (want == "allowed")


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_edit_someone_s_post(world, client_for, role, kind):
    """The reply belongs to the group member: they and the moderators may edit it."""
    client = client_for(world[role])
    post = world["topics"][kind].posts.get(number=2)
    response = client.post(f"/forum/message/{post.pk}/modifier/", {"body": "Texte corrigé"})
    want = expected(kind, role, EDITORS)
    assert outcome(response.status_code) == want
    post.refresh_from_db()
    assert (post.body == "Texte corrigé") == (want == "allowed")
    assert post.revisions.count() == (want == "allowed")


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_delete_someone_s_post(world, client_for, role, kind):
    client = client_for(world[role])
    post = world["topics"][kind].posts.get(number=2)
    response = client.post(f"/forum/message/{post.pk}/supprimer/")
    want = expected(kind, role, EDITORS)
    assert outcome(response.status_code) == want
    post.refresh_from_db()
    assert post.is_deleted == (want == "allowed")


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_moderate_lock_topic(world, client_for, role, kind):
    """Moderation is invisible to those who may not moderate: 404, nothing changes."""
    client = client_for(world[role])
    topic = world["topics"][kind]
    response = client.post(f"/forum/sujet/{topic.pk}/moderer/", {"action": "lock"})
    allowed = role in MODERATORS
    assert response.status_code == (302 if allowed else 404)
    topic.refresh_from_db()
    assert topic.is_locked == allowed


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_download_attachment(world, client_for, role, kind, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    post = world["topics"][kind].posts.get(number=1)
    item = Attachment(post=post, name="compte-rendu.pdf", content_type="application/pdf", size=12)
    item.file.save("x", ContentFile(b"%PDF-1.4 test"), save=True)
    response = client_for(world[role]).get(item.get_absolute_url())
    want = expected(kind, role, set(ROLES))
    assert outcome(response.status_code) == want
    if want == "allowed":
        assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]


def test_hidden_post_content_stays_hidden_from_members(world, client_for):
    post = world["topics"]["public"].posts.get(number=2)
    Post.objects.filter(pk=post.pk).update(
        body="secret", html="<p>Contenu signalé</p>", is_hidden=True
    )
    page = client_for(world["member"]).get(post.topic.get_absolute_url()).content.decode()
    assert "Contenu signalé" not in page
    assert "Message masqué par la modération" in page
    page = client_for(world["moderator"]).get(post.topic.get_absolute_url()).content.decode()
    assert "Contenu signalé" in page


def test_locked_topic_refuses_replies_but_not_to_moderators(world, client_for):
    topic = world["topics"]["public"]
    Topic.objects.filter(pk=topic.pk).update(is_locked=True)
    assert (
        client_for(world["group_member"])
        .post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "x"})
        .status_code
        == 403
    )
    assert (
        client_for(world["moderator"])
        .post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "x"})
        .status_code
        == 302
    )


@pytest.mark.parametrize("kind", ["public", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_topic_page_offers_edit_and_delete_only_to_those_allowed(world, client_for, role, kind):
    """A button must not lead to a refusal: coordinators moderate (pin, lock, hide) but do
    not rewrite or delete other members' posts, so the page must not offer it."""
    client = client_for(world[role])
    topic = world["topics"][kind]
    post = topic.posts.get(number=2)
    response = client.get(topic.get_absolute_url())
    if expected(kind, role, set(ROLES)) == "hidden":
        assert response.status_code == 404
        return
    page = response.content.decode()
    for action in ("modifier", "supprimer"):
        offered = f"/forum/message/{post.pk}/{action}/" in page
        assert offered == (role in EDITORS), (role, action)


def test_a_suspended_author_is_not_offered_to_edit(world, client_for):
    from datetime import timedelta

    from django.utils import timezone

    from community.forum.models import Suspension

    author = world["group_member"]
    Suspension.objects.create(
        user=author, until=timezone.now() + timedelta(days=3), reason="Propos déplacés"
    )
    topic = world["topics"]["public"]
    post = topic.posts.get(number=2)
    page = client_for(author).get(topic.get_absolute_url()).content.decode()
    assert f"/forum/message/{post.pk}/modifier/" not in page
    assert client_for(author).get(f"/forum/message/{post.pk}/modifier/").status_code == 403
