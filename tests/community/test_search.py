"""The community in the portal's search: forum topics and posts, working groups and calls
follow `community.visibility` in every search output, and leave the index when moderation,
deletion or an account's erasure says so (indexing runs after the commit, Celery eager)."""

import datetime

import pytest

from community.accounts import personal_data
from community.forum import moderation, posting
from community.groups.models import CallForContributions, Visibility
from search import audiences
from search.documents import MEMBERS, PUBLIC, group_audience

from .conftest import make_user
from .factories import add_member, group_with_category

pytestmark = pytest.mark.django_db

SECRET = "zanzibarien"


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


@pytest.fixture
def forum(home_page, member, other_member, django_capture_on_commit_callbacks):
    """A public group's topic and a members-only group's topic with a reply, both about
    « halles »; `member` belongs to the private group, `other_member` to none."""
    with django_capture_on_commit_callbacks(execute=True):
        public = group_with_category(title="Commerce de centre-ville")
        private = group_with_category(visibility=Visibility.MEMBERS, title="Foncier")
        add_member(private, member)
        open_topic = posting.create_topic(
            category=public.category,
            author=other_member,
            title="Reconvertir les friches commerciales",
            body="Nous rénovons les halles et les commerces vacants du centre.",
        )
        secret_topic = posting.create_topic(
            category=private.category,
            author=member,
            title="Budget des halles",
            body="Premier chiffrage des halles à valider.",
        )
        reply = posting.create_reply(
            topic=secret_topic,
            author=member,
            body=f"Le montage {SECRET} des halles reste confidentiel.",
        )
    return {
        "public": public,
        "private": private,
        "open_topic": open_topic,
        "secret_topic": secret_topic,
        "reply": reply,
    }


def api(client, query, **params):
    return client.get("/recherche/api/resultats/", {"q": query, **params}).json()


def titles(client, query):
    return [result["title"] for result in api(client, query)["results"]]


def everything(client, query):
    """Every search output for one query, as text."""
    return "\n".join(
        [
            client.get("/recherche/", {"q": query}).content.decode(),
            client.get("/recherche/api/resultats/", {"q": query}).content.decode(),
            client.get("/recherche/api/suggestions/", {"q": query}).content.decode(),
            client.get(
                "/recherche/api/suggestions/", {"q": query, "format": "opensearch"}
            ).content.decode(),
        ]
    )


def test_a_public_topic_is_found_by_a_french_query(client, forum):
    # « friche » and « halle » (singular, no accent) meet « friches » and « halles ».
    data = api(client, "friche halle")
    assert [(r["title"], r["type"], r["type_label"]) for r in data["results"]] == [
        ("Reconvertir les friches commerciales", "sujet-forum", "Sujet du forum")
    ]
    assert data["results"][0]["url"].endswith(forum["open_topic"].get_absolute_url())


def test_members_only_posts_stay_hidden_from_visitors_and_non_members(client, forum, other_member):
    for user in (None, other_member):
        if user:
            client.force_login(user)
        data = api(client, "halles")
        assert [r["title"] for r in data["results"]] == ["Reconvertir les friches commerciales"]
        assert data["total"] == 1
        assert data["facets"]["type"] == [
            {"value": "sujet-forum", "label": "Sujet du forum", "count": 1}
        ]
        assert api(client, SECRET)["total"] == 0
        text = everything(client, "halles") + everything(client, SECRET)
        assert "Budget des halles" not in text
        assert "Re : Budget" not in text
        assert "montage" not in text
        assert "message-forum" not in text
        suggestions = client.get("/recherche/api/suggestions/", {"q": "budget des hal"}).json()
        assert suggestions["suggestions"] == []


def test_a_group_member_finds_the_groups_posts(client, forum, member):
    client.force_login(member)
    data = api(client, "halles")
    assert data["total"] == 3
    assert {r["title"] for r in data["results"]} == {
        "Reconvertir les friches commerciales",
        "Budget des halles",
        "Re : Budget des halles",
    }
    counts = {f["value"]: f["count"] for f in data["facets"]["type"]}
    assert counts == {"sujet-forum": 2, "message-forum": 1}
    assert titles(client, SECRET) == ["Re : Budget des halles"]
    suggestions = client.get("/recherche/api/suggestions/", {"q": "budget des hal"}).json()
    assert [s["title"] for s in suggestions["suggestions"]] == [
        "Budget des halles",
        "Re : Budget des halles",
    ]


def test_the_resolver_follows_membership_and_roles(forum, member, other_member, moderator):
    private = forum["private"]
    assert audiences.audiences_for(member) == {PUBLIC, MEMBERS, group_audience(private.pk)}
    assert audiences.audiences_for(other_member) == {PUBLIC, MEMBERS}
    add_member(private, other_member)
    fresh = type(other_member).objects.get(pk=other_member.pk)
    assert group_audience(private.pk) in audiences.audiences_for(fresh)
    assert group_audience(private.pk) in audiences.audiences_for(moderator)
    unverified = make_user("pas-verifie@ville-agen.fr", verified=False)
    assert audiences.audiences_for(unverified) == {PUBLIC}


def test_a_hidden_or_deleted_post_leaves_the_results(
    client, forum, member, moderator, django_capture_on_commit_callbacks
):
    client.force_login(member)
    reply = forum["reply"]
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_post(reply, by=moderator)
    assert titles(client, SECRET) == []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_post(reply, by=moderator)
    assert titles(client, SECRET) == ["Re : Budget des halles"]
    with django_capture_on_commit_callbacks(execute=True):
        posting.delete_post(reply, by=member)
    assert titles(client, SECRET) == []
    # Deleting the first post takes the topic with it.
    with django_capture_on_commit_callbacks(execute=True):
        posting.delete_post(forum["secret_topic"].posts.get(number=1), by=member)
    assert titles(client, "budget halles") == []


def test_reports_past_the_threshold_hide_the_post(
    client, forum, member, settings, django_capture_on_commit_callbacks
):
    settings.FORUM_REPORT_THRESHOLD = 1
    client.force_login(member)
    reporter = make_user("signale@ville-agen.fr")
    with django_capture_on_commit_callbacks(execute=True):
        posting.report_post(forum["reply"], reporter=reporter, reason="Hors sujet")
    assert titles(client, SECRET) == []


def test_a_category_made_members_only_leaves_public_search(
    client, forum, django_capture_on_commit_callbacks
):
    category = forum["public"].category
    with django_capture_on_commit_callbacks(execute=True):
        category.visibility = Visibility.MEMBERS
        category.save()
    assert titles(client, "friches") == []
    member_of_nothing = make_user("autre@ville-agen.fr")
    client.force_login(member_of_nothing)
    assert titles(client, "friches") == []


def test_a_group_made_members_only_in_the_admin_leaves_public_search(
    client, forum, django_capture_on_commit_callbacks
):
    group = forum["public"]
    assert titles(client, "friches") != []
    with django_capture_on_commit_callbacks(execute=True):
        group.forum_visibility = Visibility.MEMBERS
        group.save()
    assert titles(client, "friches") == []


def test_a_deleted_accounts_name_leaves_the_index(
    client, forum, other_member, django_capture_on_commit_callbacks
):
    assert titles(client, "Durand") == ["Reconvertir les friches commerciales"]
    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(other_member)
    assert titles(client, "Durand") == []
    assert "Durand" not in everything(client, "friches")
    assert titles(client, "friches") == ["Reconvertir les friches commerciales"]


def test_working_groups_and_calls_are_public(client, forum, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call = CallForContributions.objects.create(
            group=forum["private"],
            title="Appel à témoignages sur la maîtrise foncière",
            text="<p>Racontez vos acquisitions de locaux commerciaux.</p>",
            deadline=datetime.date(2031, 6, 30),
        )
    assert titles(client, "acquisition locaux") == ["Appel à témoignages sur la maîtrise foncière"]
    assert titles(client, "foncier")[0] == "Foncier"  # the group's page, by its name
    # Renaming the group moves its calls: their URLs follow.
    group = forum["private"]
    with django_capture_on_commit_callbacks(execute=True):
        group.slug = "foncier-renomme"
        group.save()
    data = api(client, "acquisition locaux")
    assert data["results"][0]["url"].endswith(call.get_absolute_url())
    assert "foncier-renomme" in data["results"][0]["url"]
