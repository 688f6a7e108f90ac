"""HEAD is GET without a body (RFC 9110): link checkers, monitoring and `curl -I` use it.
Every public page of the community and the search must answer it as it answers GET, not
405 « Method Not Allowed »."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


def _urls(world):
    topic = world["topics"]["public"]
    group = world["groups"]["public"]
    return [
        "/forum/",
        topic.category.get_absolute_url(),
        topic.get_absolute_url(),
        "/groupes-de-travail/",
        group.get_absolute_url(),
        "/recherche/",
        "/recherche/?q=habitat",
        "/recherche/api/resultats/?q=habitat",
        "/recherche/api/suggestions/?q=hab",
        "/opensearch.xml",
    ]


def test_head_answers_like_get(world, home_page, client):
    for url in _urls(world):
        get = client.get(url)
        head = client.head(url)
        assert get.status_code == 200, url
        assert head.status_code == 200, url
        assert head["Content-Type"] == get["Content-Type"], url
        assert head.content == b"", url


def test_state_changes_still_refuse_get_and_head(world, client_for):
    client = client_for(world["group_member"])
    topic = world["topics"]["public"]
    for url in (f"/forum/sujet/{topic.pk}/moderer/", "/groupes-de-travail/habitat/rejoindre/"):
        assert client.head(url).status_code == 405
        assert client.get(url).status_code == 405
