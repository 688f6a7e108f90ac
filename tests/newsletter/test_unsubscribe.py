"""One-click unsubscribe (RFC 8058) and the body link's confirmation page; preferences."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from newsletter.links import preferences_url, unsubscribe_url
from newsletter.models import ConsentRecord, Delivery, Subscriber

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return url.replace("http://testserver", "")


def test_one_click_post_without_cookie_or_csrf_token_unsubscribes(home_page):
    (subscriber,) = make_subscribers(1)
    client = Client(enforce_csrf_checks=True)  # no cookie at all, CSRF enforced
    response = client.post(
        path_of(unsubscribe_url(subscriber.pk)),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert ConsentRecord.objects.get().kind == ConsentRecord.Kind.WITHDRAWN


def test_get_shows_a_confirmation_button_and_changes_nothing(client, home_page):
    (subscriber,) = make_subscribers(1)
    response = client.get(path_of(unsubscribe_url(subscriber.pk)))
    assert response.status_code == 200
    assert "Confirmer le désabonnement" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert not ConsentRecord.objects.exists()


def test_second_unsubscribe_says_so_and_changes_nothing(client, home_page):
    (subscriber,) = make_subscribers(1)
    url = path_of(unsubscribe_url(subscriber.pk))
    client.post(url)
    again = client.post(url)
    assert "déjà désabonné" in again.content.decode()
    assert ConsentRecord.objects.count() == 1


@pytest.mark.parametrize("token", ["1", "1:forged", "x" * 2000, "١:abc", "%00", "'\""])
def test_forged_unsubscribe_links_are_refused(client, home_page, token):
    (subscriber,) = make_subscribers(1)
    response = client.post(f"/lettre-d-information/desabonnement/{token}/")
    assert response.status_code in {400, 404}
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE


def test_a_token_for_preferences_does_not_unsubscribe(client, home_page):
    (subscriber,) = make_subscribers(1)
    token = preferences_url(subscriber.pk).rstrip("/").rsplit("/", 1)[-1]
    response = client.post(f"/lettre-d-information/desabonnement/{token}/")
    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


def test_resubscribing_needs_a_new_opt_in(client, home_page):
    (subscriber,) = make_subscribers(1)
    client.post(path_of(unsubscribe_url(subscriber.pk)))
    client.post("/lettre-d-information/", {"email": subscriber.email})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


@pytest.mark.parametrize("numero", ["9" * 2000, "١", "'", "\x00", "-1"])
def test_hostile_issue_number_still_unsubscribes(client, home_page, numero):
    (subscriber,) = make_subscribers(1)
    query = urlencode({"numero": numero})
    response = client.post(f"{path_of(unsubscribe_url(subscriber.pk))}?{query}")
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribe_counts_against_the_issue(client, home_page, issue):
    (subscriber,) = make_subscribers(1)
    Delivery.objects.create(issue=issue, subscriber=subscriber, status=Delivery.Status.SENT)
    client.post(path_of(unsubscribe_url(subscriber.pk)) + f"?numero={issue.pk}")
    assert Delivery.objects.get().unsubscribed is True


def test_preferences_are_saved_and_bad_choices_change_nothing(client, home_page, programme):
    from cms.programme.models import Topic

    (subscriber,) = make_subscribers(1)
    url = path_of(preferences_url(subscriber.pk))
    habitat = Topic.objects.get(slug="habitat")
    assert client.get(url).status_code == 200
    response = client.post(url, {"topics": [habitat.pk]}, follow=True)
    assert "Vos préférences sont enregistrées" in response.content.decode()
    assert list(subscriber.topics.all()) == [habitat]
    bad = client.post(url, {"topics": ["999999", "١"]})
    assert bad.status_code == 400
    assert list(subscriber.topics.all()) == [habitat]
