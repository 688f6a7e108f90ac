"""The admin dashboard's « Le portail en un coup d’œil » counts each content type."""

import re

import pytest
from django.contrib.auth import get_user_model

from cms.core.demo_builders import child_page
from cms.news.models import NewsIndexPage, NewsPage
from tests.cms.resources.factories import make_index, make_many

pytestmark = pytest.mark.django_db


def test_dashboard_shows_the_real_count_per_content_type(client, home_page):
    make_many(make_index(home_page), 13)
    news = child_page(home_page, NewsIndexPage, "actualites", title="Actualités")
    for number in range(2):
        news.add_child(instance=NewsPage(title=f"Actu {number}", slug=f"actu-{number}"))
    admin = get_user_model().objects.create_superuser(email="admin@example.fr", password="p" * 12)
    client.force_login(admin)

    html = client.get("/admin/").content.decode()

    counts = dict(re.findall(r">([^<>]+)</a> : (\d+)</li>", html))
    assert counts["Guides et ressources"] == "13"
    assert counts["Actualités"] == "2"
    assert counts["Retours d’expérience"] == "0"
