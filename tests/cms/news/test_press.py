"""« Espace presse »: contacts, press kits, press releases and their feed."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from cms.core.demo_builders import demo_pdf
from cms.news.models import PressContact, PressIndexPage, PressKit, PressReleaseDocument
from tests.factories import ImageFactory

from .factories import PressReleasePageFactory
from .helpers import DSFR_HEADER, feed_titles, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def press(press_index):
    press_index.contacts = [
        PressContact(
            name="Service presse",
            role="Relations avec les médias",
            email="presse@anct.gouv.fr",
            phone="01 99 00 45 67",
        ),
        PressContact(name="Équipe nationale", email="equipe@example.org"),
    ]
    press_index.kits = [
        PressKit(
            title="Dossier de presse 2023",
            document=demo_pdf("Dossier 2023", ["Action cœur de ville 2"]),
        )
    ]
    press_index.save_revision().publish()
    return press_index


def test_press_space_shows_contacts_with_mail_and_phone_links(client, press):
    response = client.get("/presse/")
    html = response.content.decode()
    assert response.status_code == 200
    assert DSFR_HEADER in html
    assert "<h2>Contacts presse</h2>" in html
    assert 'href="mailto:presse@anct.gouv.fr">presse@anct.gouv.fr</a>' in html
    assert 'href="tel:0199004567">01 99 00 45 67</a>' in html
    assert "Relations avec les médias" in html
    assert 'href="mailto:equipe@example.org"' in html
    assert html.count('href="tel:') == 1


def test_press_space_offers_kits_as_downloads_with_format_and_size(client, press):
    html = client.get("/presse/").content.decode()
    assert "<h2>Dossiers de presse</h2>" in html
    kit = press.kits.get()
    assert (
        f'href="{kit.document.url}" download class="fr-download__link">Dossier de presse 2023'
        in html
    )
    assert re.search(r'<span class="fr-download__detail">PDF – [\d,]+\s\w+</span>', html)


def test_press_releases_are_listed_newest_first_and_paginated(client, press):
    PressReleasePageFactory(
        parent=press, title="Le plus ancien", published_on=datetime.date(2018, 3, 27)
    )
    PressReleasePageFactory.create_batch(11, parent=press)
    PressReleasePageFactory(
        parent=press, title="Le plus récent", published_on=datetime.date(2025, 1, 1)
    )
    first = client.get("/presse/").content.decode()
    assert "13 communiqués" in first
    titles = re.findall(r'class="fr-card__title"><a href="[^"]+">([^<]+)</a>', first)
    assert len(titles) == 12
    assert "Le plus ancien" not in titles
    assert titles[0] == "Le plus récent"
    second = client.get("/presse/?page=2").content.decode()
    assert "Le plus ancien" in second
    assert "27 mars 2018" in second


def test_press_list_query_count_is_flat(client, press):
    PressReleasePageFactory.create_batch(10, parent=press)
    few = queries_for(client, "/presse/")
    shared = ImageFactory(file__width=64, file__height=36)
    PressReleasePageFactory.create_batch(190, parent=press, listing_image=shared)
    assert queries_for(client, "/presse/") == few


def test_press_release_page_shows_documents_and_contacts(client, press):
    release = PressReleasePageFactory(
        parent=press,
        title="Action cœur de ville 2 : quatre priorités",
        published_on=datetime.date(2023, 1, 12),
        summary="Quatre priorités jusqu’en 2026.",
        body=[{"type": "paragraph", "value": "<p>La deuxième phase du programme.</p>"}],
        documents=[
            PressReleaseDocument(
                document=demo_pdf("Annexe", ["Les priorités"]), title="Les priorités en détail"
            )
        ],
    )
    response = client.get(release.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert DSFR_HEADER in html
    assert "<h1>Action cœur de ville 2 : quatre priorités</h1>" in html
    assert "12 janvier 2023" in html
    assert "La deuxième phase du programme." in html
    assert '<h2 class="fr-mt-6w">Documents joints</h2>' in html
    assert "Les priorités en détail" in html
    assert "fr-download__detail" in html
    assert 'href="mailto:presse@anct.gouv.fr"' in html


def test_press_feed_lists_the_releases(client, press):
    PressReleasePageFactory(parent=press, title="Premier", published_on=datetime.date(2018, 3, 27))
    PressReleasePageFactory(parent=press, title="Second", published_on=datetime.date(2023, 1, 12))
    assert feed_titles(client, "/presse/rss/") == ["Second", "Premier"]
    assert 'href="/presse/rss/"' in client.get("/presse/").content.decode()


def test_only_one_press_space(press, home_page):
    assert not PressIndexPage.can_create_at(home_page)


def test_a_press_contact_phone_must_be_a_number(press_index):
    PressContact(page=press_index, name="Service presse", phone="+33 1 99 00 45 67").full_clean()
    with pytest.raises(ValidationError):
        PressContact(page=press_index, name="Service presse", phone="appelez-nous").full_clean()
