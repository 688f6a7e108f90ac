"""The one invalidation rule, checked on the cached path: every change readers can see drops
the cached pages at once, and nothing else does. The listing is served whole by the page
cache (coeurdeville.page_cache) before each event, and after each event that keeps it.

Each test caches the news listing, then changes a card's title behind the caches' back
(a queryset update sends no signal), then runs one event: if the event drops the caches the
listing shows the changed title, if it does not the listing still shows the cached one.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site

from cms.core.demo_builders import child_page, demo_image
from cms.core.models.settings import NavigationSettings, PortalSettings
from cms.news.models import NewsIndexPage, NewsPage
from cms.programme.models import Topic
from cms.territories.models import Town

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_cache_on")]

CACHED_TITLE = "Lancement du programme"
CHANGED_TITLE = "Titre changé sans signal"


@pytest.fixture
def news_index(home_page, programme):
    return child_page(home_page, NewsIndexPage, "actualites", title="Actualités")


@pytest.fixture
def news(news_index):
    return child_page(news_index, NewsPage, "lancement", title=CACHED_TITLE)


@pytest.fixture
def other_news(news_index):
    return child_page(news_index, NewsPage, "autre", title="Une autre actualité")


def _listing(client) -> str:
    response = client.get("/actualites/")
    assert response.status_code == 200
    return response.content.decode()


def _served_whole(client) -> str:
    """The listing, answered whole by the page cache: no query at all."""
    with CaptureQueriesContext(connection) as queries:
        html = _listing(client)
    assert len(queries) == 0, "served whole from the page cache"
    return html


def _after(client, news, event: Callable[[], object]) -> str:
    """The listing as readers see it after `event`, once it was cached and then changed
    behind the caches' back."""
    assert CACHED_TITLE in _listing(client)
    NewsPage.objects.filter(pk=news.pk).update(title=CHANGED_TITLE)
    assert CACHED_TITLE in _served_whole(client), "the listing is cached before the event"
    event()
    return _listing(client)


def assert_drops_the_cache(client, news, event: Callable[[], object]) -> None:
    html = _after(client, news, event)
    assert CHANGED_TITLE in html
    assert CACHED_TITLE not in html


def assert_keeps_the_cache(client, news, event: Callable[[], object]) -> None:
    html = _after(client, news, event)
    assert CACHED_TITLE in html
    assert CHANGED_TITLE not in html
    assert CACHED_TITLE in _served_whole(client), "still the whole cached page"


# What readers can see changes: the caches go.


def test_publishing_a_page(client, news, other_news):
    def publish() -> None:
        page = NewsPage.objects.get(pk=other_news.pk)
        page.summary = "Nouveau résumé"
        page.save_revision().publish()

    assert_drops_the_cache(client, news, publish)


def test_unpublishing_a_page(client, news, other_news):
    assert_drops_the_cache(client, news, lambda: NewsPage.objects.get(pk=other_news.pk).unpublish())


def test_moving_a_page(client, news, other_news, home_page):
    elsewhere = child_page(home_page, NewsIndexPage, "archives", title="Archives")
    client.get("/")
    assert_drops_the_cache(client, news, lambda: other_news.move(elsewhere, pos="last-child"))


def test_deleting_a_live_page(client, news, other_news):
    assert_drops_the_cache(client, news, lambda: NewsPage.objects.get(pk=other_news.pk).delete())


def test_making_a_page_private_hides_it_from_listings_at_once(client, news, other_news):
    assert "Une autre actualité" in _listing(client)
    restriction = PageViewRestriction.objects.create(
        page=other_news, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Une autre actualité" not in _listing(client)

    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "secret"
    restriction.save()
    assert "Une autre actualité" not in _listing(client)

    restriction.delete()
    assert "Une autre actualité" in _listing(client)


def test_changing_a_page_restriction(client, news, other_news):
    restriction = PageViewRestriction.objects.create(
        page=other_news, restriction_type=PageViewRestriction.LOGIN
    )

    def change() -> None:
        restriction.restriction_type = PageViewRestriction.PASSWORD
        restriction.password = "secret"
        restriction.save()

    assert_drops_the_cache(client, news, change)


def test_changing_the_groups_of_a_restriction(client, news, other_news):
    restriction = PageViewRestriction.objects.create(
        page=other_news, restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Comité de projet")
    assert_drops_the_cache(client, news, lambda: restriction.groups.add(group))


def test_removing_a_page_restriction(client, news, other_news):
    restriction = PageViewRestriction.objects.create(
        page=other_news, restriction_type=PageViewRestriction.LOGIN
    )
    assert_drops_the_cache(client, news, restriction.delete)


def test_making_a_collection_private(client, news):
    collection = Collection.get_first_root_node().add_child(name="Comité")
    assert_drops_the_cache(
        client,
        news,
        lambda: CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        ),
    )


def test_changing_a_topic(client, news):
    topic = Topic.objects.first()

    def rename() -> None:
        topic.short_title = "Habitat et logement"
        topic.save()

    assert_drops_the_cache(client, news, rename)


def test_changing_a_town(client, news, territories):
    town = Town.objects.first()

    def rename() -> None:
        town.name = town.name + " (changée)"
        town.save()

    assert_drops_the_cache(client, news, rename)


def test_changing_the_portal_settings(client, news, home_page):
    site = Site.objects.get(is_default_site=True)
    portal = PortalSettings.for_site(site)

    def change() -> None:
        portal.tagline = "Nouvelle devise"
        portal.save()

    assert_drops_the_cache(client, news, change)


def test_changing_the_menus(client, news, home_page):
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert_drops_the_cache(client, news, navigation.save)


def test_changing_a_site(client, news):
    site = Site.objects.get(is_default_site=True)

    def rename() -> None:
        site.site_name = "Cœur de ville (nouveau nom)"
        site.save()

    assert_drops_the_cache(client, news, rename)


def test_changing_an_image_in_place(client, news):
    image = demo_image("Place de la gare")

    def retitle() -> None:
        image.title = "Place de la gare rénovée"
        image.save()

    assert_drops_the_cache(client, news, retitle)


def test_changing_a_document_in_place(client, news):
    document = Document.objects.create(
        title="Convention-cadre", file=ContentFile(b"%PDF-1.4", name="convention.pdf")
    )

    def retitle() -> None:
        document.title = "Convention-cadre signée"
        document.save()

    assert_drops_the_cache(client, news, retitle)


def test_a_page_rendered_before_the_change_commits_is_dropped_when_it_commits(
    client, news, other_news, django_capture_on_commit_callbacks
):
    """Another worker may read the bumped version while the publishing transaction has not
    committed yet, render the old rows and keep them under the new version."""
    with django_capture_on_commit_callbacks(execute=True):
        NewsPage.objects.get(pk=other_news.pk).unpublish()
        assert CACHED_TITLE in _listing(client)  # kept under the version bumped before commit
        # What the commit makes visible to other workers, which they did not see yet.
        NewsPage.objects.filter(pk=news.pk).update(title=CHANGED_TITLE)
        assert CACHED_TITLE in _served_whole(client)
    assert CHANGED_TITLE in _listing(client)


# Nothing readers see changes: a cached page stays cached.


def test_saving_a_draft_revision(client, news):
    def draft() -> None:
        page = NewsPage.objects.get(pk=news.pk)
        page.title = "Brouillon"
        page.save_revision()

    assert_keeps_the_cache(client, news, draft)


def test_wagtail_autosave(client, news, admin_user):
    """Autosave overwrites the editor's latest draft revision, as the edit view does."""
    page = NewsPage.objects.get(pk=news.pk)
    page.title = "Brouillon"
    revision = page.save_revision(user=admin_user)

    def autosave() -> None:
        page.title = "Brouillon, suite"
        page.save_revision(user=admin_user, overwrite_revision=revision, clean=False)

    assert_keeps_the_cache(client, news, autosave)


def test_locking_a_page(client, news, admin_user):
    def lock() -> None:
        page = NewsPage.objects.get(pk=news.pk)
        page.locked, page.locked_by = True, admin_user
        page.save(update_fields=["locked", "locked_by", "locked_at"])

    assert_keeps_the_cache(client, news, lock)


def test_creating_a_draft_page(client, news, news_index):
    def create() -> None:
        news_index.add_child(
            instance=NewsPage(title="Pas encore publiée", slug="bientot", live=False)
        )

    assert_keeps_the_cache(client, news, create)


def test_making_renditions(client, news):
    image = demo_image("Halles de la ville")
    assert_keeps_the_cache(client, news, lambda: image.get_rendition("fill-320x180"))


def test_uploading_an_image_nobody_uses_yet(client, news):
    assert_keeps_the_cache(client, news, lambda: demo_image("Pas encore utilisée", "vert"))


def test_uploading_a_document_nobody_uses_yet(client, news):
    assert_keeps_the_cache(
        client,
        news,
        lambda: Document.objects.create(
            title="Annexe", file=ContentFile(b"%PDF-1.4", name="annexe.pdf")
        ),
    )


def test_creating_a_tag(client, news):
    assert_keeps_the_cache(client, news, lambda: Tag.objects.create(name="friches"))


def test_a_tagged_image_upload(client, news):
    def upload() -> None:
        image = demo_image("Marché couvert", "ocre")
        image.tags.add("marché", "commerce")

    assert_keeps_the_cache(client, news, upload)
