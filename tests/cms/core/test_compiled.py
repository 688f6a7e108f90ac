"""Queries compiled once per process (`cms.core.compiled`) read exactly the rows Django's
own compile of the same queryset reads, for any values, and refuse a builder whose values
would not reach the SQL unchanged."""

import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Q, QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from cms.core.compiled import CompiledShape, _ReadyQuery, compiling

pytestmark = pytest.mark.django_db


def _by_slugs(slugs, deeper_than, *, with_title=False):
    pages = Page.objects.filter(slug__in=slugs, depth__gt=deeper_than).order_by("path")
    return pages.only("title") if with_title else pages


def _ids(pages):
    return [page.pk for page in pages]


@pytest.fixture
def tree():
    root = Page.get_first_root_node()
    pages = {}
    for slug in ("alpha", "beta", "gamma", "delta"):
        pages[slug] = root.add_child(instance=Page(title=slug.title(), slug=slug))
    pages["alpha"].add_child(instance=Page(title="Sous beta", slug="beta"))
    Page.objects.filter(slug__in=pages).update(first_published_at=timezone.now())
    return pages


def test_rows_match_django_for_every_value(tree):
    shape = CompiledShape(_by_slugs)
    cases = [
        (["alpha"], 1),
        (["beta"], 1),
        (["beta"], 2),
        (["alpha", "gamma"], 0),
        (["gamma", "delta"], 1),
        (["inconnue", "«\"'%_\\"], 1),
        (["beta", "delta", "alpha"], 1),
    ]
    for slugs, depth in cases * 2:
        assert _ids(shape.rows(slugs, depth)) == _ids(_by_slugs(slugs, depth)), (slugs, depth)


def test_same_sql_as_django(tree):
    shape = CompiledShape(_by_slugs)
    shape.rows(["alpha"], 1)
    with CaptureQueriesContext(connection) as compiled:
        shape.rows(["beta", "gamma"], 2)
    with CaptureQueriesContext(connection) as django_run:
        list(_by_slugs(["beta", "gamma"], 2))
    assert [query["sql"] for query in compiled] == [query["sql"] for query in django_run]


def test_each_shape_compiled_apart(tree):
    shape = CompiledShape(_by_slugs)
    titled = shape.rows(["alpha", "beta"], 1, with_title=True)
    plain = shape.rows(["alpha", "beta"], 1)
    assert [page.title for page in titled] == ["Alpha", "Sous beta", "Beta"]
    # `only("title")` defers the rest: the plain shape loaded every field.
    assert "slug" in titled[0].get_deferred_fields()
    assert not plain[0].get_deferred_fields()
    assert len(shape._compiled) == 2


def test_values_keep_their_sql_types(tree):
    """The number compared with `depth` (an Int4 parameter on PostgreSQL) is sent as Django
    itself would send it."""
    shape = CompiledShape(_by_slugs)
    shape.rows(["beta"], 1)
    _, django_parameters = _by_slugs(["beta"], 2).query.get_compiler("default").as_sql()
    with CaptureQueriesContext(connection) as queries:
        assert _ids(shape.rows(["beta"], 2)) == [tree["alpha"].get_children().get().pk]
    compiled = next(iter(shape._compiled.values()))
    assert [type(parameter) for parameter in compiled.parameters] == [
        type(parameter) for parameter in django_parameters
    ]
    assert len(queries) == 2  # the shape's, then the test's own `get_children()`


def test_related_and_annotations_read_as_django_does(tree):
    def with_parent_type(pk):
        return (
            Page.objects.filter(pk=pk)
            .select_related("content_type")
            .annotate(children=Q(numchild__gt=0))
        )

    shape = CompiledShape(with_parent_type)
    for page in tree.values():
        (read,) = shape.rows(page.pk)
        with CaptureQueriesContext(connection) as queries:
            assert read.content_type.model == "page"
        assert not queries
        assert read.children == (page.slug == "alpha")


def test_refuses_a_value_django_transforms():
    with pytest.raises(ImproperlyConfigured, match="unchanged"):
        CompiledShape(lambda prefix: Page.objects.filter(slug__startswith=prefix)).rows("al")


def test_refuses_a_value_also_used_transformed():
    """Found unchanged in one condition, the value would still keep its stand-in in the
    other (`%stand-in%`): every later run would search for the stand-in there."""
    shape = CompiledShape(lambda text: Page.objects.filter(Q(slug=text) | Q(title__icontains=text)))
    with pytest.raises(ImproperlyConfigured, match="transformed"):
        shape.rows("alpha")


def test_refuses_a_value_django_drops():
    """A stand-in out of a small column's range makes Django drop or empty the condition:
    caught at the first run, not answered with no rows."""
    with pytest.raises(ImproperlyConfigured):
        CompiledShape(lambda slugs: Page.objects.filter(slug__in=slugs)).rows([])


def test_a_run_cannot_be_chained(tree, monkeypatch):
    """A run's query holds the stand-in values: a queryset chained on it (a filter, a
    clone) would silently find nothing, so chaining it fails loudly instead."""
    tried = []
    original = QuerySet._fetch_all

    def chain_once(queryset):
        if isinstance(queryset.query, _ReadyQuery) and not tried:
            with pytest.raises(ImproperlyConfigured, match="chained"):
                queryset.filter(title="Beta")
            tried.append(True)
        return original(queryset)

    shape = CompiledShape(_by_slugs)
    shape.rows(["alpha"], 1)
    monkeypatch.setattr(QuerySet, "_fetch_all", chain_once)
    assert _ids(shape.rows(["alpha", "beta"], 1)) == _ids(_by_slugs(["alpha", "beta"], 1))
    assert tried == [True]


@pytest.mark.django_db(transaction=True)
def test_another_thread_uses_its_own_connection(tree):
    shape = CompiledShape(_by_slugs)
    shape.rows(["alpha"], 1)
    found = []

    def read():
        try:
            found.append(_ids(shape.rows(["gamma"], 1)))
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert found == [[tree["gamma"].pk]]


def test_a_builder_cannot_read_the_view_restrictions():
    """They change while the process runs: baked into SQL compiled once, a page made private
    would stay listed. A builder takes them as a shape argument instead."""
    from cms.news.models import NewsPage

    reads_them = CompiledShape(lambda pk: NewsPage.objects.published().filter(pk=pk))
    with pytest.raises(ImproperlyConfigured, match="shape argument"):
        reads_them.rows(1)
    takes_them = CompiledShape(
        lambda pk, *, hidden: NewsPage.objects.published(hidden).filter(pk=pk)
    )
    assert takes_them.rows(1, hidden=("00010001",)) == []


def test_only_a_few_shapes_are_kept(tree, monkeypatch):
    """A URL decides how many slugs the walk looks for: odd numbers of them must not fill
    the process with compiled queries."""
    monkeypatch.setattr("cms.core.compiled.MAX_SHAPES", 2)
    shape = CompiledShape(_by_slugs)
    for count in range(1, 5):
        slugs = ["alpha", "beta", "gamma", "delta"][:count]
        assert _ids(shape.rows(slugs, 1)) == _ids(_by_slugs(slugs, 1))
    assert len(shape._compiled) == 2


def test_the_shapes_kept_are_those_used_last(tree, monkeypatch):
    """A crawler walking a listing's filters and pages makes many shapes: the one most
    requests run (the unfiltered first page) stays compiled while the others come and go."""
    monkeypatch.setattr("cms.core.compiled.MAX_SHAPES", 3)
    compiled_pages = []

    def build(slug, *, page):
        if compiling():
            compiled_pages.append(page)
        return Page.objects.filter(slug__in=[slug, "beta"]).order_by("path")[page : page + 1]

    shape = CompiledShape(build)
    for page in (0, 1, 2, 0, 3, 0, 4, 0, 5, 0):
        assert _ids(shape.rows("alpha", page=page)) == _ids(build("alpha", page=page))
    assert compiled_pages == [0, 1, 2, 3, 4, 5]


def test_columns_converted_on_every_run(tree):
    """The columns' converters (dates on SQLite, booleans…) are read once per connection
    and still applied to each run's rows."""
    shape = CompiledShape(lambda slugs: Page.objects.filter(slug__in=slugs).order_by("path"))
    for slug in ("alpha", "beta", "alpha"):
        read = shape.rows([slug])[0]
        expected = Page.objects.filter(slug=slug).order_by("path").first()
        assert read.first_published_at is not None
        assert read.first_published_at == expected.first_published_at
        assert type(read.first_published_at) is type(expected.first_published_at)
        assert read.live is expected.live is True
        assert read.latest_revision_created_at == expected.latest_revision_created_at


def test_none_and_booleans_run_as_django_runs_them(tree):
    """`pk=None` is `IS NULL`, no parameter: no stand-in can take its place (a page being
    created has no id yet), nor a number stand for a boolean."""
    shape = CompiledShape(lambda pk, slugs: Page.objects.filter(slug__in=slugs).exclude(pk=pk))
    alpha = tree["alpha"]
    assert _ids(shape.rows(alpha.pk, ["alpha", "gamma"])) == [tree["gamma"].pk]
    assert sorted(_ids(shape.rows(None, ["alpha", "gamma"]))) == sorted(
        [alpha.pk, tree["gamma"].pk]
    )
    assert _ids(shape.rows(alpha.pk, ["alpha", None])) == []
    assert len(shape._compiled) == 1
    live = CompiledShape(lambda live: Page.objects.filter(live=live, slug="alpha"))
    assert _ids(live.rows(True)) == [alpha.pk]
    assert _ids(live.rows(False)) == []


@pytest.mark.django_db(transaction=True)
def test_a_finished_threads_connection_is_not_kept():
    """A server starting a thread per request (runserver) opens a connection in each: the
    columns' converters kept for it (SQLite's are its own methods) must not keep it, nor
    every one of them, alive once its thread is gone."""
    import gc
    import weakref

    from django.contrib.auth import get_user_model
    from django.db import connections

    users = get_user_model()
    member = users.objects.create_user(email="fil@example.org", password="x" * 16)
    # Booleans and dates: columns with converters on SQLite.
    shape = CompiledShape(lambda emails: users.objects.filter(email__in=emails).order_by("pk"))
    shape.rows(["autre@example.org"])
    gone = []

    def read():
        try:
            (found,) = shape.rows([member.email])
            assert found.is_active is True
            assert found.date_joined == member.date_joined
            gone.append(weakref.ref(connections["default"]))
        finally:
            connection.close()

    for _ in range(3):
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    gc.collect()
    assert len(gone) == 3
    assert [ref() for ref in gone] == [None, None, None]


def test_shapes_of_restrictions_since_changed_make_room(tree, monkeypatch):
    """Each set of view restrictions is a shape of its own (`hidden`): once the process has
    seen more sets than it keeps shapes, the current one is still compiled, the oldest
    dropped (they filled the process and every later query ran uncompiled)."""
    from cms.news.models import NewsPage

    monkeypatch.setattr("cms.core.compiled.MAX_SHAPES", 2)
    shape = CompiledShape(lambda pk, *, hidden: NewsPage.objects.published(hidden).filter(pk=pk))
    for paths in [(), ("00010001",), ("00010002",), ("00010003",)]:
        assert shape.rows(1, hidden=paths) == []
        assert ("default", (None,), (("hidden", paths),)) in shape._compiled
    assert len(shape._compiled) == 2
