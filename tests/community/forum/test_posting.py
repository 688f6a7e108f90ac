"""Writing to the forum: CSRF, POST-only, double submit, bad input and rate limits."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from community.forum.models import Attachment, Post, Topic
from community.notifications.models import Follow

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(world):
    return world["group_member"]


@pytest.fixture
def topic(world):
    return world["topics"]["public"]


def test_csrf_is_enforced_on_every_forum_post(world, author, topic):
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    post = topic.posts.get(number=2)
    urls = [
        f"/forum/{topic.category.slug}/nouveau-sujet/",
        f"/forum/sujet/{topic.pk}/repondre/",
        f"/forum/sujet/{topic.pk}/moderer/",
        f"/forum/message/{post.pk}/modifier/",
        f"/forum/message/{post.pk}/supprimer/",
        f"/forum/message/{post.pk}/signaler/",
        f"/forum/message/{post.pk}/reponse/",
        f"/forum/suivre/sujet/{topic.pk}/",
        "/groupes-de-travail/habitat/rejoindre/",
        "/groupes-de-travail/habitat/quitter/",
        "/notifications/tout-lire/",
    ]
    for url in urls:
        assert client.post(url, {"body": "x", "title": "t", "reason": "r"}).status_code == 403, url
    assert Post.objects.count() == 4
    assert not Post.objects.filter(body="x").exists()


def test_state_changes_are_post_only(world, client_for, topic):
    client = client_for(world["moderator"])
    post = topic.posts.get(number=2)
    for url in (
        f"/forum/sujet/{topic.pk}/moderer/?action=lock",
        f"/forum/message/{post.pk}/reponse/",
        f"/forum/suivre/sujet/{topic.pk}/",
        "/groupes-de-travail/habitat/rejoindre/",
    ):
        assert client.get(url).status_code == 405, url
    topic.refresh_from_db()
    assert not topic.is_locked
    assert topic.answer_id is None


def test_reply_is_sanitised_numbered_and_followed(client_for, author, topic):
    response = client_for(author).post(
        f"/forum/sujet/{topic.pk}/repondre/",
        {"body": "Voir **ceci** <script>alert(1)</script> [lien](javascript:alert(1))"},
    )
    post = topic.posts.get(number=3)
    assert response["Location"] == post.get_absolute_url()
    assert "<strong>ceci</strong>" in post.html
    assert "<script" not in post.html
    assert "&lt;script&gt;" in post.html
    assert 'href="javascript' not in post.html
    assert Follow.objects.filter(user=author, topic=topic).exists()
    topic.refresh_from_db()
    assert topic.post_count == 3


def test_double_submit_creates_one_post(client_for, author, topic):
    client = client_for(author)
    key = str(uuid.uuid4())
    first = client.post(
        f"/forum/sujet/{topic.pk}/repondre/", {"body": "Une seule fois", "submission_key": key}
    )
    second = client.post(
        f"/forum/sujet/{topic.pk}/repondre/", {"body": "Une seule fois", "submission_key": key}
    )
    assert Post.objects.filter(body="Une seule fois").count() == 1
    assert first["Location"] == second["Location"]


def test_double_submit_of_a_new_topic_creates_one_topic(client_for, author, topic):
    client = client_for(author)
    data = {"title": "Doublon ?", "body": "Texte", "submission_key": str(uuid.uuid4())}
    url = f"/forum/{topic.category.slug}/nouveau-sujet/"
    client.post(url, data)
    client.post(url, data)
    assert Topic.objects.filter(title="Doublon ?").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": ""}, "Le message est vide"),
        ({"body": "   \x00\x00  "}, "Le caractère nul n’est pas autorisé"),
        ({"body": "a" * 1_000_000}, "Le message est trop long"),
        ({"body": "Bonjour @personne.inconnue"}, "Aucun membre ne correspond à @personne.inconnue"),
    ],
)
def test_bad_reply_gets_a_french_message_and_changes_nothing(
    client_for, author, topic, data, message
):
    response = client_for(author).post(f"/forum/sujet/{topic.pk}/repondre/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert topic.posts.count() == 2


def test_hostile_title_and_unicode_digits(client_for, author, topic):
    client = client_for(author)
    url = f"/forum/{topic.category.slug}/nouveau-sujet/"
    response = client.post(url, {"title": "x" * 2000, "body": "ok"})
    assert "Le titre est trop long" in response.content.decode()
    assert client.get(f"{topic.get_absolute_url()}?page=١").status_code == 404
    assert client.get(f"{topic.get_absolute_url()}?page=%00").status_code == 404
    assert client.get(f"{topic.category.get_absolute_url()}?page='\"").status_code == 404
    assert Topic.objects.count() == 2


def test_unknown_category_and_page_out_of_range(client_for, author, topic):
    client = client_for(author)
    assert client.get("/forum/nulle-part/").status_code == 404
    assert (
        client.post("/forum/nulle-part/nouveau-sujet/", {"title": "t", "body": "b"}).status_code
        == 404
    )
    response = client.get(f"{topic.get_absolute_url()}?page=99")
    assert response.status_code == 404
    assert "ne compte qu’une page" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "ce type de fichier n’est pas accepté"),
        ("page.html", b"<script>alert(1)</script>", "ce type de fichier n’est pas accepté"),
        ("faux.pdf", b"<svg onload=alert(1)>", "ne correspond pas à un fichier PDF valide"),
    ],
)
def test_forbidden_attachment_changes_nothing(
    client_for, author, topic, name, content, message, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile(name, content)
    response = client_for(author).post(
        f"/forum/sujet/{topic.pk}/repondre/", {"body": "Avec pièce jointe", "attachments": [upload]}
    )
    assert message in response.content.decode()
    assert topic.posts.count() == 2
    assert Attachment.objects.count() == 0


def test_allowed_attachment_is_stored_privately(client_for, author, topic, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan")
    client_for(author).post(
        f"/forum/sujet/{topic.pk}/repondre/", {"body": "Le plan", "attachments": [upload]}
    )
    item = Attachment.objects.get()
    assert item.name == "plan.pdf"
    assert item.content_type == "application/pdf"
    assert not item.file.name.endswith(".pdf")  # no guessable public name


def test_rate_limit_answers_429_and_keeps_the_text(client_for, author, topic, settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {"forum.post": (2, 60)}
    client = client_for(author)
    for n in range(2):
        assert (
            client.post(f"/forum/sujet/{topic.pk}/repondre/", {"body": f"Réponse {n}"}).status_code
            == 302
        )
    response = client.post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "Mon texte précieux"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    page = response.content.decode()
    assert "Veuillez réessayer dans" in page
    assert "Mon texte précieux" in page
    assert not Post.objects.filter(body="Mon texte précieux").exists()


def test_mentions_are_rate_limited(client_for, author, topic, settings, other_member):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {"forum.mention": (1, 3600)}
    client = client_for(author)
    assert (
        client.post(
            f"/forum/sujet/{topic.pk}/repondre/", {"body": "@eloise.durand bonjour"}
        ).status_code
        == 302
    )
    response = client.post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "@eloise.durand encore"})
    assert response.status_code == 429


def test_toolbar_and_preview_work_without_javascript(client_for, author, topic):
    client = client_for(author)
    url = f"/forum/sujet/{topic.pk}/repondre/"
    response = client.post(url, {"body": "Début", "toolbar": "bold"})
    assert "Début **texte en gras**" in response.content.decode()
    response = client.post(url, {"body": "*important*", "preview": "1"})
    assert "<em>important</em>" in response.content.decode()
    assert topic.posts.count() == 2


def test_quote_prefills_the_reply(client_for, author, topic):
    quoted = topic.posts.get(number=1)
    page = (
        client_for(author)
        .get(f"/forum/sujet/{topic.pk}/repondre/?citer={quoted.pk}")
        .content.decode()
    )
    assert "&gt; Message 1" in page
    assert "a écrit" in page


def test_edit_keeps_history_for_moderators(client_for, author, world, topic):
    post = topic.posts.get(number=2)
    client_for(author).post(f"/forum/message/{post.pk}/modifier/", {"body": "Deuxième version"})
    assert client_for(author).get(f"/forum/message/{post.pk}/historique/").status_code == 404
    history = client_for(world["moderator"]).get(f"/forum/message/{post.pk}/historique/")
    assert "Message 2" in history.content.decode()
    assert "Deuxième version" in history.content.decode()


def test_post_link_redirects_to_its_page_and_anchor(client_for, author, world):
    from tests.community.factories import make_topic

    long_topic = make_topic(world["groups"]["public"].category, author, posts=45)
    post = long_topic.posts.get(number=43)
    response = client_for(author).get(post.get_absolute_url())
    assert response["Location"] == f"{long_topic.get_absolute_url()}?page=3#message-43"
    page = client_for(author).get(response["Location"]).content.decode()
    assert 'id="message-43"' in page


def test_unread_markers(client_for, author, world, topic):
    from tests.community.factories import make_topic

    reader = world["coordinator"]
    client = client_for(reader)
    assert "Non lu" in client.get(topic.category.get_absolute_url()).content.decode()
    client.get(topic.get_absolute_url())
    assert "Non lu" not in client.get(topic.category.get_absolute_url()).content.decode()
    client_for(author).post(f"/forum/sujet/{topic.pk}/repondre/", {"body": "Du nouveau"})
    client = client_for(reader)
    assert "Non lu" in client.get(topic.category.get_absolute_url()).content.decode()
    assert make_topic  # the helper stays importable for the other tests


def test_mark_answer_by_topic_author(client_for, author, topic):
    post = topic.posts.get(number=2)
    client_for(author).post(f"/forum/message/{post.pk}/reponse/")
    topic.refresh_from_db()
    assert topic.answer_id == post.pk
    assert "Réponse retenue" in client_for(author).get(topic.get_absolute_url()).content.decode()
