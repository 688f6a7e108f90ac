"""What the caches hold: bounded keys, their own key space in tests, and one off switch that
turns every cache of the portal off."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from wagtail.models import Site

from cms.core.models.settings import PortalSettings
from cms.news.models import NewsPage
from cms.territories.models import Town
from tests.conftest import cached_keys, clear_test_cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_cache_on")]


def _listing_fragments() -> set[str]:
    return {key for key in cached_keys() if key.startswith("page-main:")}


@pytest.mark.parametrize(
    "spelling", ["01", "001", "٢", "²", "2.0", " 2", "99999999999999999999999", "-1", "0"]
)
def test_other_spellings_of_a_page_number_get_no_cache_entry(client, two_pages_of_news, spelling):
    assert client.get("/actualites/").status_code == 200
    assert client.get("/actualites/?page=2").status_code == 200
    assert client.get("/actualites/?page=1").status_code == 200
    cached = _listing_fragments()
    assert len(cached) == 2  # pages 1 and 2: `?page=1` is the first page's entry

    response = client.get("/actualites/", {"page": spelling})
    assert response.status_code in {200, 404}
    assert _listing_fragments() == cached


def test_far_page_numbers_are_rendered_but_not_cached(client, two_pages_of_news):
    for number in range(51, 60):
        assert client.get(f"/actualites/?page={number}").status_code == 200
    assert _listing_fragments() == set()


@pytest.mark.skipif(not isinstance(caches["default"], RedisCache), reason="the shared Redis only")
def test_tests_empty_their_own_keys_and_nothing_else_on_redis():
    client = caches["default"]._cache.get_client(write=True)
    client.set("another-app:1:session", "kept")
    caches["default"].set("ours", "dropped")
    try:
        clear_test_cache()
        assert client.get("another-app:1:session") == b"kept"
        assert caches["default"].get("ours") is None
    finally:
        client.delete("another-app:1:session")


def _change_behind_the_caches(two_pages_of_news) -> None:
    """Changes what the chrome, the map and a listing show, sending no signal."""
    site = Site.objects.get(is_default_site=True)
    PortalSettings.objects.filter(site=site).update(tagline="Devise changée en douce")
    Town.objects.filter(slug="abbeville").update(name="Abbeville-en-douce")
    NewsPage.objects.filter(slug="actualite-3").update(title="Titre changé en douce")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_switch_turns_every_cache_on_or_off(
    client, two_pages_of_news, territories, settings, enabled
):
    settings.FRAGMENT_CACHE_ENABLED = enabled
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert client.get("/actualites/").status_code == 200
    assert client.get("/carte/").status_code == 200
    assert client.get("/actualites/actualite-3/").status_code == 200

    _change_behind_the_caches(two_pages_of_news)
    listing = client.get("/actualites/").content.decode()
    town_map = client.get("/carte/").content.decode()
    detail = client.get("/actualites/actualite-3/")

    fresh = not enabled
    assert ("Devise changée en douce" in listing) is fresh  # chrome
    assert ("Titre changé en douce" in listing) is fresh  # page fragment
    assert ("Abbeville-en-douce" in town_map) is fresh  # map
    assert detail.status_code == 200
    portal_keys = {key.split(":", 1)[0] for key in cached_keys()} - {
        "portal",  # the content version itself
        "wagtail_site_root_paths",  # Wagtail's own, not switched by the portal
    }
    assert portal_keys == (
        {
            "page-cache",
            "page-main",
            "page-breadcrumb",
            "portal-chrome",
            "territories",
            "route",
            "route-site",
        }
        if enabled
        else set()
    )
