"""Category and topic pages cost the same number of queries whatever the forum's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.community.factories import make_topic

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["visitor", "group_member", "moderator"])
def test_category_page_is_flat(world, client_for, role):
    client = client_for(world[role])
    category = world["groups"]["public"].category
    client.get(category.get_absolute_url())  # the first request creates the site settings
    small = count_queries(client, category.get_absolute_url())
    for n in range(40):
        make_topic(category, world["group_member"], posts=2, title=f"Sujet {n}")
    assert count_queries(client, category.get_absolute_url()) == small
    assert count_queries(client, category.get_absolute_url() + "?page=2") == small


@pytest.mark.parametrize("role", ["visitor", "group_member", "moderator"])
def test_topic_page_is_flat(world, client_for, role):
    client = client_for(world[role])
    category = world["groups"]["public"].category
    small_topic = make_topic(category, world["group_member"], posts=2)
    big_topic = make_topic(category, world["group_member"], posts=65)
    # The site settings and the read marker are written once on a first visit.
    client.get(small_topic.get_absolute_url())
    small = count_queries(client, small_topic.get_absolute_url())
    count_queries(client, big_topic.get_absolute_url() + "?page=4")
    assert count_queries(client, big_topic.get_absolute_url() + "?page=4") == small
    assert count_queries(client, big_topic.get_absolute_url() + "?page=2") <= small + 1


def test_forum_index_is_flat(world, client_for):
    from tests.community.factories import group_with_category

    client = client_for(world["group_member"])
    client.get("/forum/")
    small = count_queries(client, "/forum/")
    for _ in range(10):
        group_with_category()
    client.get("/forum/")  # new groups are editorial content: the site chrome is rebuilt once
    assert count_queries(client, "/forum/") == small


def test_a_topic_page_reads_its_own_posts_only(world, client_for):
    """A page is a range of post numbers: no OFFSET that reads every earlier post, and the
    last page of a long topic shows its last posts."""
    client = client_for(world["visitor"])
    topic = make_topic(world["groups"]["public"].category, world["group_member"], posts=45)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(topic.get_absolute_url() + "?page=3")
    assert response.status_code == 200
    assert not [query for query in queries.captured_queries if "OFFSET" in query["sql"]]
    page = response.content.decode()
    assert 'id="message-45"' in page
    assert 'id="message-41"' in page
    assert 'id="message-40"' not in page


def test_a_member_s_roles_are_read_once_per_page(world, client_for):
    """Who coordinates, who is suspended: asked for each action a page offers, read once."""
    client = client_for(world["group_member"])
    topic = make_topic(world["groups"]["public"].category, world["group_member"], posts=3)
    client.get(topic.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(topic.get_absolute_url()).status_code == 200
    tables = [query["sql"] for query in queries.captured_queries]
    assert sum("groups_workinggroup_coordinators" in sql for sql in tables) == 1
    assert sum('FROM "forum_suspension"' in sql for sql in tables) == 1
