"""The shared rate limiter: counts per scope and key, in the shared cache, with a French answer."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from coeurdeville import ratelimit


def test_actions_under_the_limit_pass_and_the_next_one_is_refused():
    for _ in range(3):
        ratelimit.hit("test.post", "user:1", limit=3, period=60)
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.hit("test.post", "user:1", limit=3, period=60)
    assert 1 <= refused.value.retry_after <= 60
    assert "trop souvent" in refused.value.message
    assert "Veuillez réessayer dans" in refused.value.message


def test_scopes_and_keys_are_counted_apart():
    ratelimit.hit("test.post", "user:1", limit=1, period=60)
    ratelimit.hit("test.post", "user:2", limit=1, period=60)
    ratelimit.hit("test.report", "user:1", limit=1, period=60)
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.hit("test.post", "user:1", limit=1, period=60)


def test_hostile_keys_are_accepted(settings):
    for key in ["\x00", "é" * 2000, "\ud800", "a b:c{d}"]:
        ratelimit.hit("test.hostile", key, limit=5, period=60)


def test_the_switch_turns_limits_off(settings):
    settings.RATELIMIT_ENABLED = False
    for _ in range(5):
        ratelimit.hit("test.off", "user:1", limit=1, period=60)


def test_settings_override_a_scope(settings):
    settings.RATELIMITS = {"test.scope": (2, 30)}
    assert ratelimit.limit_for("test.scope", (10, 60)) == (2, 30)
    assert ratelimit.limit_for("test.other", (10, 60)) == (10, 60)


def test_a_refused_response_says_when_to_come_back():
    exc = ratelimit.RateLimited("test.post", 90)
    response = ratelimit.too_many_requests(HttpResponse("formulaire"), exc)
    assert response.status_code == 429
    assert response["Retry-After"] == "90"
    assert "2 minutes" in exc.message


def test_forwarded_address_only_counts_behind_a_declared_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8"
    )
    settings.TRUSTED_PROXY = False
    assert ratelimit.client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY = True
    assert ratelimit.client_ip(request) == "5.6.7.8"
