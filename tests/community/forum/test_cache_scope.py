"""A moderator deleting or renaming a topic renews the page of the topic's town only: with
every cache on, a CMS guide page stays cached (and the content version stays put)."""

import pytest
from django.core.cache import cache

from cms.core.demo_builders import child_page
from cms.core.fragments import VERSION_KEY, content_version
from cms.resources.models import ResourceIndexPage, ResourcePage
from community.forum.models import Topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_cache_on")]

GUIDE_TITLE = "Guide de la convention ORT"


@pytest.fixture
def guide(home_page, programme):
    index = child_page(home_page, ResourceIndexPage, "guides", title="Guides")
    return child_page(index, ResourcePage, "guide-ort", title=GUIDE_TITLE)


@pytest.fixture
def town_topic(world, territories):
    from cms.territories.models import Town

    topic = world["topics"]["public"]
    Topic.objects.filter(pk=topic.pk).update(town=Town.objects.order_by("pk").first())
    topic.refresh_from_db()
    return topic


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def moderator_acts(client_for, world, town_topic, guide, django_capture_on_commit_callbacks):
    def run(act) -> tuple[str, str]:
        def committed(*args) -> None:
            with django_capture_on_commit_callbacks(execute=True):
                act(*args)

        return _moderator_acts(client_for, world, town_topic, guide, committed)

    return run


def _moderator_acts(client_for, world, town_topic, guide, act) -> tuple[str, str]:
    """The guide and the town page as readers see them after the moderator's `act`, once
    both were cached and the guide changed behind the caches' back."""
    town_url = town_topic.town.get_absolute_url()
    reader = client_for(None)
    assert GUIDE_TITLE in _page(reader, guide.url)
    assert "Sujet public" in _page(reader, town_url)
    ResourcePage.objects.filter(pk=guide.pk).update(title="Titre changé sans signal")
    version = content_version()
    act(client_for(world["moderator"]), town_topic.posts.get(number=1))
    assert cache.get(VERSION_KEY) == version
    reader = client_for(None)
    return _page(reader, guide.url), _page(reader, town_url)


def test_deleting_a_topic_renews_its_town_page_only(moderator_acts):
    def delete(moderator, first_post) -> None:
        assert moderator.post(f"/forum/message/{first_post.pk}/supprimer/").status_code == 302

    guide_page, town_page = moderator_acts(delete)
    assert GUIDE_TITLE in guide_page  # still the cached guide
    assert "Sujet public" not in town_page


def test_renaming_a_topic_renews_its_town_page_only(moderator_acts):
    def rename(moderator, first_post) -> None:
        response = moderator.post(
            f"/forum/message/{first_post.pk}/modifier/",
            {"title": "Sujet renommé", "body": first_post.body},
        )
        assert response.status_code == 302

    guide_page, town_page = moderator_acts(rename)
    assert GUIDE_TITLE in guide_page
    assert "Sujet renommé" in town_page
    assert "Sujet public" not in town_page
