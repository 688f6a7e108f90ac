"""The staff forms in the Wagtail admin refuse posts without a CSRF token."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from community.accounts import roles
from community.directory.models import EntryChangeProposal
from tests.community.conftest import make_user

from .conftest import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(db):
    staff = make_user("csrf-equipe@anct.gouv.fr", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "change_directoryentry", "change_user"]
        )
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    return client


def test_referent_verification_needs_csrf(staff_client):
    person = make_user("sans-jeton@example.fr")
    response = staff_client.post(f"/admin/comptes/{person.pk}/referent/", {"decision": "verify"})
    assert response.status_code == 403
    assert not roles.is_referent(person)


def test_proposal_review_needs_csrf(staff_client, geography):
    entry = make_entry()
    proposal = EntryChangeProposal.objects.create(entry=entry, changes={"phone": "1"})
    response = staff_client.post(
        f"/admin/annuaire/propositions/{proposal.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.phone == "05 53 00 00 01"
    assert EntryChangeProposal.objects.get().status == "pending"
