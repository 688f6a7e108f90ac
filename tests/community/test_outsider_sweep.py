"""An outsider's sweep: a login-restricted page and a members-only forum topic never show
their title through any output an anonymous reader or a non-member can reach."""

import pytest
from wagtail.models import PageViewRestriction

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage
from community.forum.models import Topic
from search import indexing

pytestmark = pytest.mark.django_db

SECRET = "Zorglubesque comité secret"


@pytest.fixture
def private_news(home_page, programme):
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    page = child_page(index, NewsPage, "comite", title=SECRET)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    indexing.rebuild()
    return page


OUTPUTS = [
    "/",
    "/actualites/",
    "/actualites/rss/",
    "/sitemap.xml",
    "/recherche/?q=Zorglubesque",
    "/recherche/api/resultats/?q=Zorglubesque",
    "/recherche/api/suggestions/?q=Zorglub",
]


@pytest.mark.parametrize("url", OUTPUTS)
def test_a_login_restricted_page_title_shows_nowhere_to_anonymous_readers(
    client, private_news, url
):
    response = client.get(url)
    assert response.status_code in (200, 301, 302, 404), url
    assert "comité secret" not in response.content.decode(), url
    assert "/actualites/comite/" not in response.content.decode(), url


def test_a_members_only_topic_shows_nowhere_to_a_non_member(world, client_for):
    topic = world["topics"]["private"]
    post = topic.posts.first()
    for user in (None, world["member"]):
        client = client_for(user)
        for url in (
            topic.get_absolute_url(),
            f"/forum/message/{post.pk}/",
            f"/forum/message/{post.pk}/historique/",
            f"/forum/message/{post.pk}/modifier/",
            f"/forum/message/{post.pk}/signaler/",
            f"/forum/sujet/{topic.pk}/repondre/",
        ):
            response = client.get(url)
            assert response.status_code in (302, 404, 405), (user, url, response.status_code)
            if response.status_code == 302:
                assert "comptes/connexion" in response["Location"], (user, url)
            assert "Sujet réservé" not in response.content.decode()
        for url in ("/forum/", "/groupes-de-travail/commerce/", "/sitemap.xml", "/comptes/"):
            page = client.get(url, follow=True).content.decode()
            assert "Sujet réservé" not in page, (user, url)


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_a_members_only_attachment_is_not_served_from_media(
    world, client_for, role, settings, tmp_path
):
    from django.core.files.base import ContentFile

    from community.forum.models import Attachment

    settings.MEDIA_ROOT = tmp_path
    post = world["topics"]["private"].posts.get(number=1)
    item = Attachment(post=post, name="budget.pdf", content_type="application/pdf", size=12)
    item.file.save("x", ContentFile(b"%PDF-1.4 secret"), save=True)
    client = client_for(world[role])
    assert client.get(item.get_absolute_url()).status_code == 404
    for path in (item.file.name, item.file.name.upper(), f"images/../{item.file.name}"):
        response = client.get(f"/media/{path}")
        assert response.status_code == 404, path
        assert b"secret" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_category_made_members_only_leaves_cached_town_pages_at_once(world, territories, client):
    from cms.territories.models import Town

    town = Town.objects.first()
    topic = world["topics"]["public"]
    Topic.objects.filter(pk=topic.pk).update(town=town)
    assert "Sujet public" in client.get(town.get_absolute_url()).content.decode()
    assert topic.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    group = world["groups"]["public"]  # what an editor does in the admin
    group.forum_visibility = "members"
    group.save()
    assert "Sujet public" not in client.get(town.get_absolute_url()).content.decode()
    assert topic.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    assert client.get(topic.get_absolute_url()).status_code in (302, 404)


def test_a_category_made_members_only_in_the_admin_leaves_cached_town_pages(
    world, territories, client
):
    from cms.territories.models import Town

    town = Town.objects.first()
    topic = world["topics"]["public"]
    Topic.objects.filter(pk=topic.pk).update(town=town)
    assert "Sujet public" in client.get(town.get_absolute_url()).content.decode()
    category = topic.category  # the forum category snippet, edited directly
    category.visibility = "members"
    category.save()
    assert "Sujet public" not in client.get(town.get_absolute_url()).content.decode()


def test_a_topic_deleted_by_a_moderator_leaves_cached_town_pages(
    world, territories, client_for, django_capture_on_commit_callbacks
):
    from cms.territories.models import Town

    town = Town.objects.first()
    topic = world["topics"]["public"]
    Topic.objects.filter(pk=topic.pk).update(town=town)
    client = client_for(None)
    assert "Sujet public" in client.get(town.get_absolute_url()).content.decode()
    first = topic.posts.get(number=1)
    client = client_for(world["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/forum/message/{first.pk}/supprimer/").status_code == 302
    client = client_for(None)
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert "Sujet public" not in client.get(town.get_absolute_url()).content.decode()
