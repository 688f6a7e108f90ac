"""Every output follows the one visibility rule: the sitemap, town pages, group pages."""

import pytest

from community.forum.models import Topic

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_forum_only(world, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    public, private = world["topics"]["public"], world["topics"]["private"]
    assert public.get_absolute_url() in sitemap
    assert private.get_absolute_url() not in sitemap
    assert private.category.get_absolute_url() not in sitemap
    assert "/groupes-de-travail/commerce/" in sitemap  # the group page itself is public


def test_town_page_shows_public_topics_only(world, territories, client):
    from cms.territories.models import Town

    town = Town.objects.first()
    Topic.objects.filter(pk__in=[t.pk for t in world["topics"].values()]).update(town=town)
    page = client.get(town.get_absolute_url()).content.decode()
    assert "Sujet public" in page
    assert "Sujet réservé" not in page


def test_deleted_topic_is_404_and_gone_from_listings(world, client_for):
    topic = world["topics"]["public"]
    Topic.objects.filter(pk=topic.pk).update(is_deleted=True)
    client = client_for(world["member"])
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert "Sujet public" not in client.get(topic.category.get_absolute_url()).content.decode()
    assert client_for(world["moderator"]).get(topic.get_absolute_url()).status_code == 200


def test_demo_loads_groups_calls_and_threads(home_page, programme, territories):
    from community.forum import demo
    from community.forum.models import Category
    from community.groups.models import CallForContributions, WorkingGroup

    demo.load(home_page)
    demo.load(home_page)  # idempotent
    assert WorkingGroup.objects.count() == 8
    assert all(group.coordinators.exists() for group in WorkingGroup.objects.all())
    assert CallForContributions.objects.count() == 2
    assert CallForContributions.objects.filter(questionnaire__isnull=False).count() == 1
    members_only = Category.objects.get(group__slug="economie-et-commerce")
    assert members_only.visibility == "members"
    assert Topic.objects.filter(category=members_only).exists()
    assert Topic.objects.filter(category__visibility="public", post_count__gte=2).count() >= 2
