"""Forum feeds show what an anonymous reader may read, whoever asks; members-only
categories have none."""

import xml.etree.ElementTree as ET

import pytest

from community.forum import posting

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_forum_feed_lists_public_topics_only_even_for_group_members(world, client_for):
    client = client_for(world["group_member"])  # may read both topics on the site
    listed = titles(client.get("/forum/rss/"))
    assert "Sujet public" in listed
    assert "Sujet réservé" not in listed
    body = client.get("/forum/rss/").content.decode()
    assert world["topics"]["private"].get_absolute_url() not in body


def test_members_only_category_has_no_feed(world, client_for):
    private = world["groups"]["private"].category
    for role in ("visitor", "group_member", "staff"):
        response = client_for(world[role]).get(f"/forum/{private.slug}/rss/")
        assert response.status_code == 404, role
    page = client_for(world["group_member"]).get(private.get_absolute_url()).content.decode()
    assert "application/rss+xml" not in page


def test_public_category_feed_and_its_link(world, client_for):
    public = world["groups"]["public"].category
    client = client_for(None)
    assert titles(client.get(f"/forum/{public.slug}/rss/")) == ["Sujet public"]
    page = client.get(public.get_absolute_url()).content.decode()
    assert f'href="/forum/{public.slug}/rss/"' in page
    assert 'href="/forum/rss/"' in client.get("/forum/").content.decode()
    assert client.get("/forum/inconnue/rss/").status_code == 404


def test_feed_leaves_out_deleted_topics_and_hidden_first_posts(world, client_for):
    topic = posting.create_topic(
        category=world["groups"]["public"].category,
        author=world["group_member"],
        title="Sujet à masquer",
        body="Texte <script>alert(1)</script> retiré par la modération",
    )
    first = topic.posts.get(number=1)
    first.is_hidden = True
    first.save()
    body = client_for(None).get("/forum/rss/").content.decode()
    assert "Sujet à masquer" in body
    assert "retiré par la modération" not in body
    topic.is_deleted = True
    topic.save()
    assert "Sujet à masquer" not in titles(client_for(None).get("/forum/rss/"))
