"""Tree conditions written into the SQL (`cms.core.tree_sql`) select what Wagtail's
`child_of` selects, and take only tree values, never a string that could end the literal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.core.tree_sql import DepthIs, PathStartsWith, children_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    root = Page.get_first_root_node()
    parent = root.add_child(instance=Page(title="Liste", slug="liste"))
    sibling = root.add_child(instance=Page(title="Voisine", slug="voisine"))
    first = parent.add_child(instance=Page(title="Un", slug="un"))
    parent.add_child(instance=Page(title="Deux", slug="deux"))
    first.add_child(instance=Page(title="Petit-enfant", slug="petit-enfant"))
    sibling.add_child(instance=Page(title="Enfant de la voisine", slug="enfant"))
    return root, parent, sibling


def test_children_match_wagtail_child_of(tree):
    for page in (*tree, Page.objects.get(slug="un")):
        page.refresh_from_db()
        written = Page.objects.filter(*children_of(page.path, page.depth)).order_by("path")
        assert list(written) == list(Page.objects.child_of(page).order_by("path"))
    _, parent, _ = tree
    assert [p.slug for p in Page.objects.filter(*children_of(parent.path, parent.depth))] == [
        "un",
        "deux",
    ]


def test_values_are_written_into_the_sql_not_sent(tree):
    _, parent, _ = tree
    with CaptureQueriesContext(connection) as queries:
        list(Page.objects.filter(*children_of(parent.path, parent.depth)))
    sql = queries.captured_queries[0]["sql"]
    assert f"LIKE '{parent.path}%" in sql
    assert f"= {parent.depth + 1}" in sql


@pytest.mark.parametrize(
    "path", ["0001' OR '1'='1", "0001%", "0001_", "abc", "", "0001\x00", "０００１", None, 1]
)
def test_refuses_what_is_not_a_tree_path(path):
    with pytest.raises(ValueError, match="Not a tree path"):
        list(Page.objects.filter(PathStartsWith("path", path)))


@pytest.mark.parametrize("depth", ["2", "2 OR 1=1", 2.0, True, None])
def test_refuses_what_is_not_a_tree_depth(depth):
    with pytest.raises(ValueError, match="Not a tree depth"):
        list(Page.objects.filter(DepthIs("depth", depth)))
