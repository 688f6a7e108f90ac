"""One rule decides who sees each contact field, on the page, in the vCard and in the CSV."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry

from community.directory.visibility import Visibility, visible_contact
from tests.community.conftest import make_user

from .conftest import make_entry

pytestmark = pytest.mark.django_db

EMAIL = "referente@prefecture.gouv.fr"
PHONE = "05 53 77 60 47"
ADDRESS = "Place de Verdun 47920 Agen"


def _viewer(kind: str):
    if kind == "visitor":
        return None
    if kind == "unverified":
        return make_user("pas-verifie@example.fr", verified=False)
    if kind == "member":
        return make_user("membre-annuaire@example.fr")
    user = make_user("staff-annuaire@anct.gouv.fr", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="change_directoryentry"),
        Permission.objects.get(codename="access_admin"),
    )
    return user


# (viewer, visibility) → visible?
MATRIX = [
    ("visitor", Visibility.PUBLIC, True),
    ("visitor", Visibility.MEMBERS, False),
    ("visitor", Visibility.STAFF, False),
    ("unverified", Visibility.PUBLIC, True),
    ("unverified", Visibility.MEMBERS, False),
    ("unverified", Visibility.STAFF, False),
    ("member", Visibility.PUBLIC, True),
    ("member", Visibility.MEMBERS, True),
    ("member", Visibility.STAFF, False),
    ("staff", Visibility.PUBLIC, True),
    ("staff", Visibility.MEMBERS, True),
    ("staff", Visibility.STAFF, True),
]


@pytest.fixture
def entry_with(geography):
    def build(visibility: str):
        return make_entry(
            first_name="Sophie",
            last_name="Garnier",
            email=EMAIL,
            phone=PHONE,
            address=ADDRESS,
            email_visibility=visibility,
            phone_visibility=visibility,
            address_visibility=visibility,
        )

    return build


@pytest.mark.parametrize(("viewer", "visibility", "visible"), MATRIX)
def test_contact_fields_on_page_and_vcard(
    client, home_page, entry_with, viewer, visibility, visible
):
    entry = entry_with(visibility)
    user = _viewer(viewer)
    if user:
        client.force_login(user)
    page = client.get(f"/annuaire/{entry.slug}/").content.decode()
    vcard = client.get(f"/annuaire/{entry.slug}/vcard/").content.decode()
    for value in (EMAIL, PHONE):
        assert (value in page) is visible, (viewer, visibility, value)
        assert (value in vcard) is visible, (viewer, visibility, value)
    assert ("Place de Verdun" in page) is visible
    assert ("Place de Verdun" in vcard) is visible
    assert "Sophie Garnier" in page
    assert "FN:Sophie Garnier" in vcard


@pytest.mark.parametrize("visibility", list(Visibility))
def test_csv_export_is_staff_only_and_uses_the_rule(client, entry_with, visibility):
    entry_with(visibility)
    for viewer in ("visitor", "member"):
        user = _viewer(viewer)
        if user:
            client.force_login(user)
        response = client.get("/admin/annuaire/export.csv")
        assert response.status_code in (302, 403), viewer
        assert EMAIL not in response.content.decode()
    staff = _viewer("staff")
    client.force_login(staff)
    response = client.get("/admin/annuaire/export.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Nom"
    assert rows[1][0] == "Garnier"
    assert EMAIL in rows[1]
    assert PHONE in rows[1]
    log = ModelLogEntry.objects.get(action="directory.export_csv")
    assert log.user_id == staff.pk
    assert log.data == {"rows": 1}


def test_the_person_always_sees_their_own_details(client, entry_with):
    entry = entry_with(Visibility.STAFF)
    owner = make_user("sophie@prefecture.gouv.fr")
    entry.user = owner
    entry.save()
    assert visible_contact(entry, owner).email == EMAIL
    client.force_login(owner)
    assert PHONE in client.get(f"/annuaire/{entry.slug}/").content.decode()


def test_visitors_are_invited_to_sign_in_for_hidden_details(client, home_page, entry_with):
    entry = entry_with(Visibility.MEMBERS)
    page = client.get(f"/annuaire/{entry.slug}/").content.decode()
    assert "réservées aux membres" in page
    assert f"/comptes/connexion/?next=/annuaire/{entry.slug}/" in page


def test_vcard_is_never_cached_for_others(client, entry_with):
    entry = entry_with(Visibility.PUBLIC)
    response = client.get(f"/annuaire/{entry.slug}/vcard/")
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response.content.decode().startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")


def test_csv_cells_cannot_run_as_formulas(client, geography):
    make_entry(last_name='=HYPERLINK("http://evil")', organisation="+33 Mairie")
    staff = _viewer("staff")
    client.force_login(staff)
    rows = list(
        csv.reader(
            io.StringIO(client.get("/admin/annuaire/export.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[1][0].startswith("'=")
    assert rows[1][3].startswith("'+")
