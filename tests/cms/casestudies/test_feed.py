import datetime
import xml.etree.ElementTree as ET

import pytest


@pytest.mark.django_db
def test_rss_feed_lists_case_studies_newest_first(client, make_study, towns):
    make_study(title="Le plus ancien", town=towns["albi"], published_on=datetime.date(2023, 1, 1))
    make_study(
        title="Le plus récent",
        slug="le-plus-recent",
        town=towns["foix"],
        published_on=datetime.date(2024, 1, 1),
    )

    response = client.get("/retours-d-experience/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Retours d’expérience — Cœur de ville"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Le plus récent", "Le plus ancien"]
    assert items[0].findtext("link") == "http://testserver/retours-d-experience/le-plus-recent/"
