"""Shared fixtures: a site with its home page, and the programme's reference data."""

import os

import pytest
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

# Property-based tests: a bounded number of examples in CI (HYPOTHESIS_PROFILE=thorough for
# a longer hunt); no deadline, as request times vary on shared machines; no example database.
hypothesis_settings.register_profile("ci", max_examples=10, deadline=None, database=None)
hypothesis_settings.register_profile("thorough", max_examples=500, deadline=None, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Playwright's sync API runs an event loop in the test thread; live_server tests touch the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def home_page(db):
    """The portal's home page as the default site's root, as `load_demo` sets it up."""
    from cms.home.models import HomePage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Cœur de ville",
        },
    )
    Site.clear_site_root_paths_cache()
    return home


@pytest.fixture
def every_cache_on(settings):
    """The caches as production serves them, even in the suite's uncached pass
    (FRAGMENT_CACHE_ENABLED=false); a test may still set its own value."""
    settings.FRAGMENT_CACHE_ENABLED = True


@pytest.fixture(params=[True, False], ids=["caches-on", "caches-off"])
def each_cache_mode(request, settings) -> bool:
    """The test once with every cache on (what production serves) and once with every cache
    off; the value says which."""
    settings.FRAGMENT_CACHE_ENABLED = request.param
    return request.param


@pytest.fixture
def two_pages_of_news(home_page, programme):
    """A news listing of 14 news: two pages of it."""
    from cms.core.demo_builders import child_page
    from cms.news.models import NewsIndexPage, NewsPage

    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    for number in range(14):
        child_page(index, NewsPage, f"actualite-{number}", title=f"Actualité numéro {number}")
    return index


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The reference data (programme and territories) is loaded once per session into the
    test database; each test's rolled-back transaction leaves it as loaded."""
    from cms.programme.loading import load_programme
    from cms.territories.loading import load_territories

    with django_db_blocker.unblock():
        load_programme()
        load_territories()


@pytest.fixture
def programme(db):
    """The 5 axes, 3 themes, phases, partners and glossary from programme.json."""
    from cms.programme.loading import load_programme
    from cms.programme.models import Phase

    # Loaded by django_db_setup; a transactional test before this one may have flushed it.
    if not Phase.objects.exists():
        load_programme()


@pytest.fixture
def territories(db):
    """The 18 regions, 101 departments and 245 towns from the CSV files."""
    from cms.territories.loading import load_territories
    from cms.territories.models import Town

    if not Town.objects.exists():
        load_territories()


def clear_test_cache() -> None:
    """Empties the tests' own cache: by key prefix on Redis, which other processes share
    (`cache.clear()` would flush the whole database), whole on the local-memory cache."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def cached_keys() -> list[str]:
    """The keys in the tests' own cache, without the backend's prefix and version."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client()
        raw = client.scan_iter(match=f"{cache.key_prefix}:*", count=1000)
        return [key.decode().split(":", 2)[2] for key in raw]
    return [key.split(":", 2)[2] for key in cache._cache]


@pytest.fixture(autouse=True)
def _clear_cache():
    clear_test_cache()
    yield
    clear_test_cache()
