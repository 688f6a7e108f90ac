"""Password guessing on the admin login and password reset is throttled, in French."""

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory

from community.accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-solide-42"
THROTTLED = "Vous avez fait cette action trop souvent en peu de temps"


@pytest.fixture
def editor():
    return User.objects.create_user(
        "editrice@example.org", PASSWORD, is_staff=True, first_name="Ada", last_name="Lovelace"
    )


@pytest.fixture
def superuser():
    return User.objects.create_superuser(
        "admin@example.org", PASSWORD, first_name="Grace", last_name="Hopper"
    )


def _login(client, email, password, ip="203.0.113.7"):
    return client.post("/admin/login/", {"username": email, "password": password}, REMOTE_ADDR=ip)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_right_password_is_refused_after_20_wrong_ones(client, superuser):
    for _ in range(20):
        assert _login(client, superuser.email, "mauvais").status_code in {200, 429}
    response = _login(client, superuser.email, PASSWORD)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert THROTTLED in html
    assert "Veuillez réessayer dans" in html
    assert not _signed_in(client)

    # Once the window has passed (the counters expire from the shared cache), it works.
    cache.clear()
    response = _login(client, superuser.email, PASSWORD)
    assert response.status_code == 302
    assert _signed_in(client)


def test_the_account_is_throttled_from_any_address(client, superuser):
    for number in range(10):
        _login(client, superuser.email, "mauvais", ip=f"198.51.100.{number}")
    response = _login(client, superuser.email, PASSWORD, ip="192.0.2.99")
    assert response.status_code == 429
    assert not _signed_in(client)


def test_one_address_is_throttled_across_accounts(client, superuser):
    for number in range(30):
        _login(client, f"inconnu{number}@example.org", "mauvais")
    response = _login(client, superuser.email, PASSWORD)
    assert response.status_code == 429
    assert THROTTLED in response.content.decode()
    # Another address is not affected.
    assert _login(client, superuser.email, PASSWORD, ip="192.0.2.1").status_code == 302


def test_a_few_mistakes_are_not_throttled(client, superuser):
    for _ in range(3):
        response = _login(client, superuser.email, "mauvais")
        assert response.status_code == 200
        assert THROTTLED not in response.content.decode()
    assert _login(client, superuser.email, PASSWORD).status_code == 302


def test_every_login_form_shares_the_throttle(superuser):
    """The backend throttles whatever form authenticates (front-end login, community)."""
    request = RequestFactory().post("/_util/login/", REMOTE_ADDR="203.0.113.8")
    for _ in range(10):
        assert authenticate(request, username=superuser.email, password="mauvais") is None
    assert authenticate(request, username=superuser.email, password=PASSWORD) is None
    assert request.login_throttled.retry_after > 0


def test_the_proxy_address_is_used_only_behind_a_declared_proxy(client, superuser, settings):
    # Without TRUSTED_PROXY, a forged X-Forwarded-For does not escape the per-IP limit.
    for number in range(30):
        client.post(
            "/admin/login/",
            {"username": f"inconnu{number}@example.org", "password": "mauvais"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    response = _login(client, superuser.email, PASSWORD, ip="203.0.113.9")
    assert response.status_code == 429


def test_password_reset_is_throttled_per_address(client, editor):
    for _ in range(3):
        response = client.post(
            "/admin/password_reset/", {"email": editor.email}, REMOTE_ADDR="203.0.113.7"
        )
        assert response.status_code == 302
    response = client.post(
        "/admin/password_reset/", {"email": editor.email}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 429
    assert THROTTLED in response.content.decode()
    assert len(mail.outbox) == 3


def test_password_reset_is_throttled_per_ip(client, editor):
    for number in range(10):
        client.post(
            "/admin/password_reset/",
            {"email": f"inconnu{number}@example.org"},
            REMOTE_ADDR="203.0.113.7",
        )
    response = client.post(
        "/admin/password_reset/", {"email": editor.email}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 429
    assert mail.outbox == []
