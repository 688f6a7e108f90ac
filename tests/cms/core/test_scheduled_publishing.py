"""Go-live and expiry dates are applied by the beat task, and readers see the result."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Revision

from cms.core.demo_builders import child_page
from cms.core.tasks import publish_scheduled
from cms.news.models import NewsIndexPage, NewsPage
from coeurdeville.celery import app

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page, programme):
    return child_page(home_page, NewsIndexPage, "actualites", title="Actualités")


def test_beat_runs_publish_scheduled_every_minute():
    entry = app.conf.beat_schedule["publish-scheduled-pages"]
    assert entry["task"] == "cms.core.tasks.publish_scheduled"
    assert entry["schedule"] == 60.0
    assert entry["task"] in app.tasks
    assert publish_scheduled.name == entry["task"]


def test_a_page_whose_go_live_date_has_passed_gets_published(client, index, each_cache_mode):
    page = NewsPage(
        title="Appel à projets 2026",
        slug="appel-a-projets-2026",
        summary="Les candidatures ouvrent.",
        published_on=datetime.date(2026, 1, 5),
        live=False,
        go_live_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()  # a future go-live date: approved, not live yet
    assert client.get("/actualites/appel-a-projets-2026/").status_code == 404
    assert "Appel à projets 2026" not in client.get("/actualites/").content.decode()

    # Five minutes later, as the beat task sees it: both dates are in the past.
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    publish_scheduled.delay()

    assert client.get("/actualites/appel-a-projets-2026/").status_code == 200
    assert "Appel à projets 2026" in client.get("/actualites/").content.decode()
    assert "Appel à projets 2026" in client.get("/").content.decode()


def test_a_page_whose_expiry_date_has_passed_gets_unpublished(client, index, each_cache_mode):
    page = child_page(
        index,
        NewsPage,
        "consultation-close",
        title="Consultation publique",
        summary="Donnez votre avis.",
        published_on=datetime.date(2026, 2, 1),
    )
    assert "Consultation publique" in client.get("/actualites/").content.decode()
    assert client.get("/actualites/consultation-close/").status_code == 200

    NewsPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    publish_scheduled.delay()

    page.refresh_from_db()
    assert page.live is False
    assert page.expired is True
    assert client.get("/actualites/consultation-close/").status_code == 404
    assert "Consultation publique" not in client.get("/actualites/").content.decode()
    assert "Consultation publique" not in client.get("/").content.decode()
