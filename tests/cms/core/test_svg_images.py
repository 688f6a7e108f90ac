"""Uploaded SVGs are reduced to drawing, served inert, and render wherever an image shows."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image

from cms.core.demo_builders import child_page
from cms.core.svg_sanitiser import UnsafeSVG, sanitise_svg
from cms.news.models import NewsIndexPage, NewsPage
from community.accounts.models import User

pytestmark = pytest.mark.django_db

HOSTILE_SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     width="120" height="60" viewBox="0 0 120 60" onload="alert('svg')" inkscape:version="1.3">
  <script>alert(document.cookie)</script>
  <style>@import url(https://evil.example/x.css); .a { fill: red }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#000091"/></linearGradient></defs>
  <rect id="fond" width="120" height="60" fill="url(#g)" onclick="steal()"/>
  <circle cx="30" cy="30" r="20" style="fill: url(https://evil.example/track.png)"/>
  <use xlink:href="#fond"/>
  <use href="https://evil.example/sprite.svg#icon"/>
  <a href="javascript:alert(1)"><text x="5" y="50">Cliquez</text></a>
  <image href="https://evil.example/pixel.png" width="1" height="1"/>
  <foreignObject width="100" height="20"><body xmlns="http://www.w3.org/1999/xhtml">
    <iframe src="https://evil.example/"></iframe></body></foreignObject>
  <animate attributeName="href" to="javascript:alert(2)"/>
  <text x="60" y="30">Cœur de ville</text>
</svg>""".encode()

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>"""

XXE_SVG = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&secret;</text></svg>"""

PLAIN_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">'
    b'<rect width="1200" height="675" fill="#000091"/></svg>'
)


def test_the_sanitiser_keeps_the_drawing_and_removes_everything_active():
    cleaned = sanitise_svg(HOSTILE_SVG).decode()
    for gone in (
        "<script",
        "alert",
        "onload",
        "onclick",
        "evil.example",
        "@import",
        "foreignObject",
        "iframe",
        "javascript",
        "<image",
        "animate",
        "inkscape",
    ):
        assert gone not in cleaned, gone
    for kept in ('id="fond"', 'fill="url(#g)"', 'xlink:href="#fond"', "Cœur de ville", "<circle"):
        assert kept in cleaned, kept
    assert cleaned.count("<rect") == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "déclarations (DOCTYPE ou entités)"),
        (XXE_SVG, "déclarations (DOCTYPE ou entités)"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "XML est invalide"),
        (b"<html><body>bonjour</body></html>", "n’est pas une image SVG"),
    ],
)
def test_the_sanitiser_refuses_what_it_cannot_make_safe(data, message):
    with pytest.raises(UnsafeSVG) as refused:
        sanitise_svg(data)
    assert message in refused.value.message


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_superuser(
        "editrice@example.org", "motdepasse-solide-42", first_name="Ada", last_name="Lovelace"
    )
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_svg_uploaded_in_the_admin_is_stored_sanitised(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", HOSTILE_SVG, "image/svg+xml")},
    )
    assert response.status_code == 302
    image = Image.objects.get(title="Logo")
    stored = image.file.read().decode()
    for gone in ("<script", "onload", "evil.example"):
        assert gone not in stored
    assert "Cœur de ville" in stored
    assert (image.width, image.height) == (120, 60)


def test_an_svg_uploaded_with_the_multiple_uploader_is_stored_sanitised(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("carte.svg", HOSTILE_SVG, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert json.loads(response.content)["success"] is True
    stored = Image.objects.get().file.read().decode()
    assert "<script" not in stored
    assert "foreignObject" not in stored


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE_SVG, b"<svg><rect></svg>"])
def test_an_svg_that_cannot_be_made_safe_is_refused_in_french(editor_client, tmp_path, data):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Piège", "file": SimpleUploadedFile("piege.svg", data)},
    )
    assert response.status_code == 200
    assert "n’est pas une image ou bien est corrompu" in response.content.decode()
    assert not Image.objects.exists()
    assert not list(tmp_path.rglob("*.svg"))


def test_an_svg_rendition_downloads_instead_of_displaying(client):
    image = Image.objects.create(
        title="Plan", file=ContentFile(PLAIN_SVG, name="plan.svg"), width=1200, height=675
    )
    rendition = image.get_rendition("fill-600x338|format-webp|preserve-svg")
    assert rendition.url.endswith(".svg")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.fixture
def news_with_svg(home_page, programme):
    image = Image.objects.create(
        title="Schéma", file=ContentFile(PLAIN_SVG, name="schema.svg"), width=1200, height=675
    )
    index = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    return child_page(
        index,
        NewsPage,
        "schema-directeur",
        title="Le schéma directeur",
        summary="Un schéma en SVG.",
        published_on=datetime.date(2025, 3, 1),
        listing_image=image,
        listing_image_alt="Schéma directeur du centre-ville",
    )


@pytest.mark.parametrize("url", ["/", "/actualites/", "/actualites/schema-directeur/"])
def test_pages_showing_an_svg_listing_image_render(client, news_with_svg, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    if url != "/actualites/schema-directeur/":
        assert 'alt="Schéma directeur du centre-ville"' in html
        assert ".svg" in html
    else:
        assert "Le schéma directeur" in html
        assert 'property="og:image"' not in html


def test_svg_card_renditions_are_prefetched(client, news_with_svg):
    index = news_with_svg.get_parent()
    client.get("/actualites/")  # creates the card rendition once
    with CaptureQueriesContext(connection) as one:
        client.get("/actualites/")
    for number in range(4):
        child_page(
            index,
            NewsPage,
            f"schema-{number}",
            title=f"Schéma {number}",
            published_on=datetime.date(2025, 3, 2),
            listing_image=news_with_svg.listing_image,
        )
    client.get("/actualites/")
    with CaptureQueriesContext(connection) as five:
        html = client.get("/actualites/").content.decode()
    assert html.count('alt="Schéma directeur du centre-ville"') == 1
    assert len(five) == len(one)
