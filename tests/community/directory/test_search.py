"""Directory entries in the portal's search: found by name and by town, never with a
contact detail that is not public (not in results, snippets, facets or autocomplete)."""

import datetime

import pytest
from django.utils import timezone

from coeurdeville.celery import app
from community.directory.models import DirectoryEntry
from community.directory.tasks import refresh_mandates_in_search
from community.directory.visibility import Visibility

from .conftest import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


@pytest.fixture
def indexed_entry(home_page, geography, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = make_entry(
            email="claire.lefevre@agen.fr",
            email_visibility=Visibility.MEMBERS,
            bio="Elle suit la rénovation des halles et le commerce de proximité.",
        )
        entry.towns.add(geography["agen"])
    return entry


def outputs(client, query):
    return "\n".join(
        client.get(url, {"q": query}).content.decode()
        for url in ("/recherche/", "/recherche/api/resultats/", "/recherche/api/suggestions/")
    )


@pytest.mark.parametrize("query", ["Claire Lefèvre", "lefevre", "Agen", "halle"])
def test_an_entry_is_found_by_name_and_town(client, indexed_entry, query):
    data = client.get("/recherche/api/resultats/", {"q": query}).json()
    assert [(r["title"], r["type_label"]) for r in data["results"]] == [
        ("Claire Lefèvre", "Référent de l’annuaire")
    ]
    assert data["results"][0]["url"].endswith(indexed_entry.get_absolute_url())
    assert {"value": "47001", "label": "Agen", "count": 1} in data["facets"]["town"]


def test_no_members_or_staff_contact_detail_is_in_any_output(
    client, indexed_entry, member, staff_user
):
    for user in (None, member, staff_user):
        if user:
            client.force_login(user)
        text = outputs(client, "Lefèvre") + outputs(client, "agen")
        assert "Claire Lefèvre" in text
        assert "claire.lefevre@agen.fr" not in text
        assert "05 53 00 00 01" not in text  # members only
        assert "Docteur Esquirol" not in text  # staff only
    # Nor can one search by them.
    for query in ("claire.lefevre@agen.fr", "05 53 00 00 01", "Esquirol"):
        assert client.get("/recherche/api/resultats/", {"q": query}).json()["total"] == 0


def test_an_entry_whose_mandate_ended_leaves_the_results(
    client, indexed_entry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        indexed_entry.mandate_end = datetime.date(2024, 12, 31)
        indexed_entry.save()
    assert client.get("/recherche/api/resultats/", {"q": "lefevre"}).json()["total"] == 0


def test_the_daily_task_removes_an_entry_whose_mandate_ended_since_it_was_indexed(
    client, indexed_entry
):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    DirectoryEntry.objects.filter(pk=indexed_entry.pk).update(mandate_end=yesterday)  # time passes
    assert client.get("/recherche/api/resultats/", {"q": "lefevre"}).json()["total"] == 1
    assert refresh_mandates_in_search() == 1
    assert client.get("/recherche/api/resultats/", {"q": "lefevre"}).json()["total"] == 0


def test_the_daily_task_indexes_an_entry_whose_mandate_began(
    client, home_page, geography, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        entry = make_entry(mandate_start=today + datetime.timedelta(days=1))
    assert client.get("/recherche/api/resultats/", {"q": "lefevre"}).json()["total"] == 0
    DirectoryEntry.objects.filter(pk=entry.pk).update(mandate_start=today)  # the day comes
    assert refresh_mandates_in_search() == 1
    assert client.get("/recherche/api/resultats/", {"q": "lefevre"}).json()["total"] == 1


def test_beat_runs_the_mandate_refresh_daily():
    entry = app.conf.beat_schedule["refresh-directory-mandates-in-search"]
    assert entry["task"] == refresh_mandates_in_search.name
    assert entry["task"] in app.tasks
    assert entry["schedule"].hour == {0}
