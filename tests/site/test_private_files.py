"""Private documents are only served by Wagtail's document view, which checks their privacy."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from community.accounts.models import User

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4\n% Note interne : budget previsionnel confidentiel\n"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def private_document():
    collection = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Document.objects.create(
        title="Note interne",
        file=ContentFile(SECRET, name="note-interne.pdf"),
        collection=collection,
    )


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_an_anonymous_visitor_is_sent_to_log_in_for_a_private_document(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    # Wagtail's front-end login (/_util/login/), back to the document afterwards.
    assert "login/?next=/documents/" in response["Location"]
    assert SECRET not in _body(response)


def test_the_file_itself_is_not_public_media(client, private_document, settings):
    stored = private_document.file.name
    assert stored.startswith("documents/")
    assert (settings.MEDIA_ROOT / stored).read_bytes() == SECRET
    for url in (
        f"/media/{stored}",
        f"/media/images/../{stored}",
        f"/media//{stored}",
        f"/media/./{stored}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET not in _body(response)


def test_a_signed_in_reader_downloads_the_document(client, private_document):
    reader = User.objects.create_user("lectrice@example.org", "motdepasse-solide-42")
    client.force_login(reader)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert _body(response) == SECRET
    # Even a signed-in reader gets the document only through its view, never as media.
    assert client.get(f"/media/{private_document.file.name}").status_code == 404


def test_a_public_document_downloads_through_its_view_with_a_strict_policy(client):
    document = Document.objects.create(
        title="Guide public", file=ContentFile(b"%PDF-1.4 public", name="guide.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert _body(response) == b"%PDF-1.4 public"
    # Wagtail's own policy for documents: nothing they contain may load or run.
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_public_media_is_served_inert(client, settings):
    (settings.MEDIA_ROOT / "images").mkdir()
    (settings.MEDIA_ROOT / "images" / "carte.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/images/carte.png")
    assert response.status_code == 200
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
