"""A view restriction added, changed or removed applies on the very next request, in each
cache mode: the page itself, its listing, its feed and the sitemap
(search has its own: `tests/search/test_indexing.py`).

The site's query tells whether any restriction exists (`sites`, `restrictions`); with none,
the request reads none. These tests make sure that shortcut never outlives the request that
took it, and that a password or group restriction hides a page as a login one does."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

TITLE = "Une actualité confidentielle"


@pytest.fixture
def news(home_page, programme):
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    child_page(index, NewsPage, "publique", title="Une actualité publique")
    return child_page(index, NewsPage, "confidentielle", title=TITLE)


def _listed(client) -> dict[str, bool]:
    """Where the page shows, for an anonymous reader."""
    return {
        "listing": TITLE in client.get("/actualites/").content.decode(),
        "feed": TITLE in client.get("/actualites/rss/").content.decode(),
        "sitemap": "/actualites/confidentielle/" in client.get("/sitemap.xml").content.decode(),
    }


NOWHERE = {"listing": False, "feed": False, "sitemap": False}
EVERYWHERE = dict.fromkeys(NOWHERE, True)


def _restrict(page, kind: str) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Comité")[0])
    return restriction


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
def test_a_restriction_hides_the_page_everywhere_then_its_removal_shows_it(
    client, news, each_cache_mode, kind
):
    # Warm every cache the anonymous pages use, and the "no restriction" shortcut.
    assert client.get("/actualites/confidentielle/").status_code == 200
    assert _listed(client) == EVERYWHERE

    restriction = _restrict(news, kind)
    response = client.get("/actualites/confidentielle/")
    assert response.status_code in (200, 302)
    assert TITLE not in response.content.decode() or kind == "password"
    if kind == "password":  # the password form, not the page
        assert "Une actualité publique" not in response.content.decode()
        assert 'name="password"' in response.content.decode()
    assert _listed(client) == NOWHERE

    restriction.delete()
    assert client.get("/actualites/confidentielle/").status_code == 200
    assert _listed(client) == EVERYWHERE


def test_a_restriction_moved_to_another_page_applies_at_once(client, news, each_cache_mode):
    restriction = _restrict(news, "login")
    assert _listed(client) == NOWHERE
    public = NewsPage.objects.get(slug="publique")
    restriction.page = public
    restriction.save()
    assert client.get("/actualites/confidentielle/").status_code == 200
    assert client.get("/actualites/publique/").status_code == 302
    listing = client.get("/actualites/").content.decode()
    assert TITLE in listing
    assert "Une actualité publique" not in listing


def test_a_group_restriction_lets_its_members_in_only(client, news, each_cache_mode):
    from django.contrib.auth import get_user_model

    _restrict(news, "groups")
    committee = Group.objects.get(name="Comité")
    outsider = get_user_model().objects.create_user(email="dehors@example.org", password="x" * 12)
    insider = get_user_model().objects.create_user(email="dedans@example.org", password="x" * 12)
    insider.groups.add(committee)
    client.force_login(outsider)
    response = client.get("/actualites/confidentielle/")
    assert response.status_code in (302, 403)
    assert TITLE not in response.content.decode()
    assert TITLE not in client.get("/actualites/").content.decode()
    client.force_login(insider)
    assert TITLE in client.get("/actualites/confidentielle/").content.decode()


def test_an_alias_of_a_private_page_is_listed_nowhere(client, news, each_cache_mode):
    """Wagtail applies a page's restrictions to its aliases (serving one asks to sign in):
    the alias must not show the private page's title in listings, feeds or the sitemap."""
    from cms.core.models.pages import SitemapPage

    child_page(news.get_parent().get_parent(), SitemapPage, "plan-du-site", title="Plan du site")
    news.create_alias(update_slug="copie")
    copy = {
        "listing": "/actualites/copie/" in client.get("/actualites/").content.decode(),
        "feed": "/actualites/copie/" in client.get("/actualites/rss/").content.decode(),
        "sitemap": "/actualites/copie/" in client.get("/sitemap.xml").content.decode(),
    }
    assert copy == EVERYWHERE

    restriction = _restrict(news, "login")
    assert client.get("/actualites/copie/").status_code == 302
    for url in ("/actualites/", "/actualites/rss/", "/sitemap.xml", "/plan-du-site/"):
        html = client.get(url).content.decode()
        assert "/actualites/copie/" not in html, url
        assert TITLE not in html, url

    restriction.delete()
    assert client.get("/actualites/copie/").status_code == 200
    assert "/actualites/copie/" in client.get("/actualites/").content.decode()


def test_an_alias_of_a_page_in_a_private_section_is_private_too(client, news, each_cache_mode):
    """The page an alias shows may be private through a section above it (Wagtail checks
    only the source page's own restrictions): the alias must then ask to sign in too, and
    be listed nowhere; once the section is public again, it is back."""
    from cms.core.models.pages import SitemapPage

    home = news.get_parent().get_parent()
    child_page(home, SitemapPage, "plan-du-site", title="Plan du site")
    section = child_page(home, NewsIndexPage, "interne", title="Espace interne")
    secret = child_page(section, NewsPage, "secrete", title="Une note interne")
    secret.create_alias(parent=news.get_parent(), update_slug="note")
    assert client.get("/actualites/note/").status_code == 200
    assert "/actualites/note/" in client.get("/actualites/").content.decode()

    restriction = _restrict(section, "login")
    assert client.get("/interne/secrete/").status_code == 302
    assert client.get("/actualites/note/").status_code == 302
    for url in ("/actualites/", "/actualites/rss/", "/sitemap.xml", "/plan-du-site/"):
        html = client.get(url).content.decode()
        assert "/actualites/note/" not in html, url
        assert "Une note interne" not in html, url

    restriction.delete()
    assert client.get("/actualites/note/").status_code == 200
    assert "/actualites/note/" in client.get("/actualites/").content.decode()
