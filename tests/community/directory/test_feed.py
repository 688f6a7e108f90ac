"""The directory's RSS feed of arrivals: current entries only, public contact fields only."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from .conftest import make_entry

pytestmark = pytest.mark.django_db


def items(client) -> list[ET.Element]:
    response = client.get("/annuaire/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("./channel/item")


def test_arrivals_feed_shows_current_entries_with_public_contact_only(
    client, entry, staff_user, geography
):
    make_entry(
        first_name="Ancien",
        last_name="Référent",
        slug="ancien-referent",
        mandate_end=datetime.date.today() - datetime.timedelta(days=1),
    )
    client.force_login(staff_user)  # the feed is the same for everyone: what visitors see
    found = items(client)
    assert [item.findtext("title") for item in found] == [
        "Claire Lefèvre, Direction de projet « cœur de ville »"
    ]
    description = found[0].findtext("description")
    assert "claire.lefevre@agen.fr" in description  # public
    assert "05 53 00 00 01" not in description  # members only
    assert "Esquirol" not in description  # staff only
    assert "Agen" in description
    assert found[0].findtext("link").endswith("/annuaire/claire-lefevre/")


def test_directory_listing_advertises_the_feed(client, db):
    page = client.get("/annuaire/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in page
    assert 'href="/annuaire/rss/"' in page
