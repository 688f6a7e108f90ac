"""The listing with its search and filters, entry pages, proposals, moves and town pages."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from community.directory import moves
from community.directory.models import DirectoryEntry, EntryChangeProposal, GovernanceRole
from tests.community.conftest import PASSWORD, make_user
from tests.factories import TopicFactory

from .conftest import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(geography):
    habitat = TopicFactory(slug="habitat", short_title="Habitat")
    director = make_entry(first_name="Claire", last_name="Lefèvre", organisation="Ville d’Agen")
    director.towns.add(geography["agen"])
    director.topics.add(habitat)
    state = make_entry(
        first_name="Julien",
        last_name="Moreau",
        role=GovernanceRole.STATE_DEPARTMENT,
        organisation="Préfecture du Tarn",
    )
    state.departments.add(geography["tarn"])
    regional = make_entry(
        first_name="Anne",
        last_name="Rousseau",
        role=GovernanceRole.STATE_REGION,
        organisation="Préfecture de région",
    )
    regional.regions.add(geography["region"])
    left = make_entry(
        first_name="Marc",
        last_name="Caron",
        organisation="Anah",
        role=GovernanceRole.ANAH,
        mandate_end=datetime.date(2020, 1, 1),
    )
    return {"director": director, "state": state, "regional": regional, "left": left}


def _names(response) -> list[str]:
    return [entry.full_name for entry in response.context["entries"]]


def test_listing_shows_current_entries(client, home_page, directory):
    response = client.get("/annuaire/")
    assert response.status_code == 200
    assert sorted(_names(response)) == ["Anne Rousseau", "Claire Lefèvre", "Julien Moreau"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("role=referent-departemental", ["Julien Moreau"]),
        # A region's entries include those covering one of its departments or towns.
        ("region=75", ["Anne Rousseau", "Claire Lefèvre"]),
        ("departement=81", ["Julien Moreau"]),
        ("ville=agen", ["Claire Lefèvre"]),
        ("axe=habitat", ["Claire Lefèvre"]),
        ("organisme=Préfecture du Tarn", ["Julien Moreau"]),
        ("q=lefevre", []),  # accents count in the search box
        ("q=Lefèvre", ["Claire Lefèvre"]),
        ("q=agen", ["Claire Lefèvre"]),
        ("q=préfecture&role=referent-regional", ["Anne Rousseau"]),
    ],
)
def test_filters_in_the_url(client, home_page, directory, query, expected):
    response = client.get(f"/annuaire/?{query}")
    assert response.status_code == 200
    assert sorted(_names(response)) == expected


@pytest.mark.parametrize(
    "query",
    [
        "role=inconnu",
        "region=%00",
        "ville=" + "x" * 2000,
        "q=" + "%00" * 10,
        "q=" + "é" * 2000,
        "page=999",
        "page=-1",
        "page=٣",
        "axe=\"'><script>",
    ],
)
def test_hostile_queries_never_fail(client, home_page, directory, query):
    response = client.get(f"/annuaire/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_unknown_filter_value_is_reported(client, home_page, directory):
    page = client.get("/annuaire/?role=inconnu").content.decode()
    assert "La valeur demandée pour le filtre « Rôle » est inconnue" in page


def test_pagination(client, home_page, geography):
    for n in range(30):
        make_entry(first_name=f"Personne{n:02d}", last_name="Test", email="")
    first = client.get("/annuaire/")
    second = client.get("/annuaire/?page=2")
    assert len(first.context["entries"]) == 24
    assert len(second.context["entries"]) == 6
    assert "page 1 sur 2" in first.content.decode()


def test_listing_query_count_is_flat(client, home_page, geography, django_assert_max_num_queries):
    for n in range(5):
        make_entry(first_name=f"A{n}", last_name="Test").towns.add(geography["agen"])
    with django_assert_max_num_queries(20) as few:
        client.get("/annuaire/")
    for n in range(20):
        make_entry(first_name=f"B{n}", last_name="Test").towns.add(geography["albi"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/annuaire/")


def test_unknown_entry_is_404(client, home_page, db):
    assert client.get("/annuaire/personne/").status_code == 404
    assert client.get("/annuaire/personne/vcard/").status_code == 404


def test_departed_entry_says_so(client, home_page, directory):
    page = client.get(f"/annuaire/{directory['left'].slug}/").content.decode()
    assert "A quitté ses fonctions le 1 janvier 2020" in page


def test_moves_between_dates(directory):
    arriving = make_entry(
        first_name="Inès", last_name="Haddad", mandate_start=datetime.date(2026, 3, 2)
    )
    leaving = directory["state"]
    leaving.mandate_end = datetime.date(2026, 3, 20)
    leaving.save()
    found = moves.between(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    assert found.arrivals == [arriving]
    assert found.departures == [leaving]
    assert moves.between(datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)).arrivals == []


def test_town_page_shows_its_referents(client, home_page, directory, geography):
    page = client.get("/villes/agen/").content.decode()
    assert "Les référents de la ville" in page
    assert "Claire Lefèvre" in page
    assert "claire.lefevre@agen.fr" not in page  # cards carry no contact details
    # A change to the directory shows at once, although town sections are cached.
    with override_settings(FRAGMENT_CACHE_ENABLED=True):
        client.get("/villes/agen/")
        make_entry(first_name="Hugo", last_name="Fabre").towns.add(geography["agen"])
        assert "Hugo Fabre" in client.get("/villes/agen/").content.decode()


@pytest.fixture
def owner(directory):
    user = make_user("claire.lefevre@agen.fr", first_name="Claire", last_name="Lefèvre")
    directory["director"].user = user
    directory["director"].save()
    return user


def test_member_proposes_changes_to_their_own_entry(client, home_page, directory, owner):
    entry = directory["director"]
    client.force_login(owner)
    assert "Proposer des modifications" in client.get(f"/annuaire/{entry.slug}/").content.decode()
    form = client.get(f"/annuaire/{entry.slug}/proposer/")
    assert form.status_code == 200
    data = {name: form.context["form"].initial[name] or "" for name in EntryChangeProposal.FIELDS}
    data["phone"] = "05 53 00 00 99"
    data["phone_visibility"] = "public"
    response = client.post(f"/annuaire/{entry.slug}/proposer/", data)
    assert response.status_code == 302
    proposal = EntryChangeProposal.objects.get()
    assert proposal.changes == {"phone": "05 53 00 00 99", "phone_visibility": "public"}
    entry.refresh_from_db()
    assert entry.phone == "05 53 00 00 01"  # unchanged until staff approve


def test_nothing_changed_is_not_a_proposal(client, directory, owner):
    entry = directory["director"]
    client.force_login(owner)
    form = client.get(f"/annuaire/{entry.slug}/proposer/")
    data = {name: form.context["form"].initial[name] or "" for name in EntryChangeProposal.FIELDS}
    response = client.post(f"/annuaire/{entry.slug}/proposer/", data)
    assert response.status_code == 400
    assert "Vous n’avez rien modifié" in response.content.decode()
    assert not EntryChangeProposal.objects.exists()


def test_bad_proposal_gets_french_errors_and_changes_nothing(client, directory, owner):
    entry = directory["director"]
    client.force_login(owner)
    response = client.post(
        f"/annuaire/{entry.slug}/proposer/",
        {"organisation": "x" * 2000, "email": "pas-une-adresse", "email_visibility": "tous"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Saisissez une adresse de courriel valide." in body
    assert not EntryChangeProposal.objects.exists()


def test_nobody_else_may_propose_for_an_entry(client, directory, owner):
    entry = directory["director"]
    assert client.get(f"/annuaire/{entry.slug}/proposer/").status_code == 302
    client.force_login(make_user("autre@example.fr"))
    assert client.get(f"/annuaire/{entry.slug}/proposer/").status_code == 404
    assert client.post(f"/annuaire/{entry.slug}/proposer/", {"phone": "1"}).status_code == 404


def test_proposal_form_needs_csrf(directory, owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.post(f"/annuaire/{directory['director'].slug}/proposer/", {"phone": "1"})
    assert response.status_code == 403


@override_settings(RATELIMITS={"directory.proposal": (2, 3600)})
def test_proposals_are_rate_limited(client, directory, owner):
    entry = directory["director"]
    client.force_login(owner)
    form = client.get(f"/annuaire/{entry.slug}/proposer/")
    data = {name: form.context["form"].initial[name] or "" for name in EntryChangeProposal.FIELDS}
    statuses = []
    for n in range(3):
        data["phone"] = f"05 53 00 00 1{n}"
        statuses.append(client.post(f"/annuaire/{entry.slug}/proposer/", data))
    assert [r.status_code for r in statuses] == [302, 302, 429]
    assert statuses[2]["Retry-After"]
    assert "Vous avez fait cette action trop souvent" in statuses[2].content.decode()
    assert 'value="05 53 00 00 12"' in statuses[2].content.decode()  # what was typed stays


@pytest.fixture
def staff(db):
    user = make_user("equipe@anct.gouv.fr", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "change_directoryentry", "change_user"]
        )
    )
    return user


def test_staff_approve_a_proposal(client, directory, owner, staff):
    entry = directory["director"]
    proposal = EntryChangeProposal.objects.create(
        entry=entry, proposed_by=owner, changes={"phone": "05 53 00 00 99"}
    )
    client.force_login(staff)
    review = client.get(f"/admin/annuaire/propositions/{proposal.pk}/")
    assert review.status_code == 200
    assert "05 53 00 00 99" in review.content.decode()
    client.post(f"/admin/annuaire/propositions/{proposal.pk}/", {"decision": "approve"})
    entry.refresh_from_db()
    proposal.refresh_from_db()
    assert entry.phone == "05 53 00 00 99"
    assert proposal.status == "approved"
    assert proposal.reviewed_by == staff
    assert ModelLogEntry.objects.filter(action="directory.proposal_approved").exists()


def test_staff_reject_a_proposal(client, directory, owner, staff):
    entry = directory["director"]
    proposal = EntryChangeProposal.objects.create(
        entry=entry, proposed_by=owner, changes={"phone": "05 53 00 00 99"}
    )
    client.force_login(staff)
    client.post(f"/admin/annuaire/propositions/{proposal.pk}/", {"decision": "reject"})
    entry.refresh_from_db()
    assert entry.phone == "05 53 00 00 01"
    assert EntryChangeProposal.objects.get().status == "rejected"


def test_members_cannot_review_proposals(client, directory, owner):
    proposal = EntryChangeProposal.objects.create(
        entry=directory["director"], proposed_by=owner, changes={"phone": "1"}
    )
    client.force_login(owner)
    response = client.post(f"/admin/annuaire/propositions/{proposal.pk}/", {"decision": "approve"})
    assert response.status_code in (302, 403)
    assert EntryChangeProposal.objects.get().status == "pending"


def test_staff_verify_a_referent_in_the_admin(client, staff):
    person = make_user("future-referente@example.fr")
    client.force_login(staff)
    listing = client.get("/admin/users/")
    assert f"/admin/comptes/{person.pk}/referent/" in listing.content.decode()
    client.post(f"/admin/comptes/{person.pk}/referent/", {"decision": "verify"})
    from community.accounts import roles

    person = type(person).objects.get(pk=person.pk)
    assert roles.is_referent(person)
    assert ModelLogEntry.objects.filter(action="accounts.referent_verified").exists()


def test_unverified_account_cannot_become_referent(client, staff):
    from community.accounts import roles

    person = make_user("pas-verifiee@example.fr", verified=False)
    client.force_login(staff)
    client.post(f"/admin/comptes/{person.pk}/referent/", {"decision": "verify"})
    assert not person.groups.filter(name=roles.REFERENTS).exists()


def test_export_and_deletion_of_a_linked_member(client, directory, owner):
    EntryChangeProposal.objects.create(
        entry=directory["director"], proposed_by=owner, changes={"bio": "Mon texte"}
    )
    client.force_login(owner)
    data = client.get("/comptes/export/").json()
    assert data["annuaire"]["fiche"]["nom"] == "Lefèvre"
    assert data["annuaire"]["propositions"][0]["modifications"] == {"bio": "Mon texte"}
    client.post("/comptes/suppression/", {"password": PASSWORD, "confirm": "on"})
    assert not EntryChangeProposal.objects.exists()
    assert DirectoryEntry.objects.get(pk=directory["director"].pk).user is None


def test_sitemap_lists_the_directory_and_current_entries(client, directory):
    body = client.get("/sitemap.xml").content.decode()
    assert "/annuaire/</loc>" in body
    assert f"/annuaire/{directory['director'].slug}/</loc>" in body
    assert f"/annuaire/{directory['left'].slug}/</loc>" not in body


def test_sitemap_reads_the_entries_in_one_query(client, directory, settings):
    """Each entry's <lastmod> comes with its row, not in one query per entry (rendered, not
    served from a cache)."""
    settings.FRAGMENT_CACHE_ENABLED = False
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/sitemap.xml").content.decode()

    assert "<lastmod>" in body
    entry_queries = [
        query["sql"] for query in queries if 'FROM "directory_directoryentry"' in query["sql"]
    ]
    assert len(entry_queries) == 1, entry_queries
