"""Sign-up with double opt-in: the same answer for every address, consent kept as evidence."""

import re

import pytest
from django.core import mail, signing
from django.test import Client

from newsletter.consent import CURRENT_CONSENT_VERSION
from newsletter.models import ConsentRecord, Subscriber
from newsletter.tokens import confirmation_token

pytestmark = pytest.mark.django_db

URL = "/lettre-d-information/"


def confirmation_link(message) -> str:
    return re.search(r"https?://\S+/confirmation/\S+/", message.body).group(0)


def subscribe(client: Client, email: str, **extra):
    return client.post(URL, {"email": email, "source": "/villes/", **extra})


def test_the_footer_form_of_every_page_posts_to_the_newsletter(client, home_page):
    html = client.get("/").content.decode()
    assert 'action="/lettre-d-information/" method="post"' in html
    assert 'name="email"' in html
    assert CURRENT_CONSENT_VERSION
    assert "J’accepte de recevoir chaque mois" in html


def test_the_page_shows_the_form_and_the_consent_wording(client, home_page):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Votre adresse électronique" in html
    assert "J’accepte de recevoir" in html


def test_double_opt_in_end_to_end(client, home_page):
    response = subscribe(client, "Marie.Curie@Exemple.fr")
    assert response.status_code == 302
    assert response["Location"] == "/lettre-d-information/merci/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "marie.curie@exemple.fr"
    assert subscriber.status == Subscriber.Status.PENDING
    request = ConsentRecord.objects.get()
    assert request.kind == "requested"
    assert request.source == "/villes/"
    assert request.wording_version == CURRENT_CONSENT_VERSION
    assert request.recorded_at

    assert len(mail.outbox) == 1
    link = confirmation_link(mail.outbox[0]).replace("http://testserver", "")
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirmer mon abonnement" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # a GET changes nothing

    done = client.post(link)
    assert "Merci" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.confirmed_at
    confirmation = ConsentRecord.objects.get(kind="confirmed")
    assert confirmation.confirms == request
    assert ConsentRecord.objects.get(pk=request.pk).confirmed_at == confirmation.recorded_at

    again = client.post(link)
    assert "déjà été utilisé" in again.content.decode()
    assert ConsentRecord.objects.count() == 2


def test_known_and_unknown_addresses_get_the_same_answer(client, home_page):
    Subscriber.objects.create(email="connue@exemple.fr", status=Subscriber.Status.ACTIVE)
    known = subscribe(client, "connue@exemple.fr")
    unknown = subscribe(client, "inconnue@exemple.fr")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    # The known address is reminded it is subscribed, and not asked to confirm again.
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "déjà abonnée" in bodies["connue@exemple.fr"]
    assert "/confirmation/" in bodies["inconnue@exemple.fr"]
    assert not ConsentRecord.objects.filter(email="connue@exemple.fr").exists()


def test_suppressed_address_is_not_mailed_but_gets_the_same_answer(client, home_page):
    Subscriber.objects.create(email="rebond@exemple.fr", status=Subscriber.Status.SUPPRESSED)
    response = subscribe(client, "rebond@exemple.fr")
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize(
    "email",
    [
        "pas-une-adresse",
        "",
        "a" * 2000 + "@exemple.fr",
        "nul\x00@exemple.fr",
        "١٢٣@exemple.fr",
        '"><script>@x.fr',
    ],
)
def test_bad_addresses_get_a_french_message_and_change_nothing(client, home_page, email):
    response = subscribe(client, email)
    assert response.status_code == 400
    html = response.content.decode()
    assert "fr-error-text" in html
    assert Subscriber.objects.count() == 0
    assert mail.outbox == []
    assert "<script>@" not in html


def test_hostile_source_is_not_recorded(client, home_page):
    subscribe(client, "a@exemple.fr", source="https://evil.example/")
    assert ConsentRecord.objects.get().source == URL


def test_forged_and_expired_confirmation_links(client, home_page, settings):
    forged = client.get(URL + "confirmation/abc:def/")
    assert forged.status_code == 400
    assert "n’est pas valide" in forged.content.decode()
    subscribe(client, "b@exemple.fr")
    record = ConsentRecord.objects.get()
    old = signing.dumps(record.pk, salt="newsletter.confirm")
    import time as time_module
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=time_module.time() + 8 * 86400):
        expired = client.post(URL + f"confirmation/{old}/")
    assert expired.status_code == 400
    assert "a expiré" in expired.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_link_to_another_record_kind_is_refused(client, home_page):
    subscriber = Subscriber.objects.create(email="c@exemple.fr")
    withdrawn = ConsentRecord.objects.create(
        subscriber=subscriber, kind="withdrawn", email=subscriber.email, wording_version="x"
    )
    response = client.post(URL + f"confirmation/{confirmation_token(withdrawn.pk)}/")
    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_consent_records_cannot_be_changed_or_deleted(db):
    subscriber = Subscriber.objects.create(email="d@exemple.fr")
    record = ConsentRecord.objects.create(
        subscriber=subscriber, kind="requested", email=subscriber.email, wording_version="x"
    )
    record.source = "/falsifié/"
    with pytest.raises(ValueError, match="ne se modifie pas"):
        record.save()
    with pytest.raises(ValueError, match="ne se supprime pas"):
        record.delete()
    assert ConsentRecord.objects.get().source == ""


def test_subscriptions_are_rate_limited(client, home_page, settings):
    settings.RATELIMITS = {"newsletter.subscribe": (3, 3600)}
    for n in range(3):
        assert subscribe(client, f"x{n}@exemple.fr").status_code == 302
    refused = subscribe(client, "x9@exemple.fr")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "trop souvent" in refused.content.decode()
    assert not Subscriber.objects.filter(email="x9@exemple.fr").exists()


def test_topics_chosen_at_sign_up_are_kept(client, home_page, programme):
    from cms.programme.models import Topic

    habitat = Topic.objects.get(slug="habitat")
    subscribe(client, "e@exemple.fr", topics=[habitat.pk])
    assert list(Subscriber.objects.get().topics.all()) == [habitat]
