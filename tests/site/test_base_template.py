"""The base template's code-only markup (django-dsfr's head and foot tags, static files) is
rendered once per process, and still reads as django-dsfr writes it, with each response's
own CSP nonce."""

import re

import pytest
from django.template import engines
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

DSFR_TAGS = (
    "{% load static dsfr_tags %}{% dsfr_css %}{% dsfr_favicon %}"
    "{% dsfr_theme_modale %}{% dsfr_js nonce=NONCE %}"
)


def _render(source, request, **context):
    return engines["django"].from_string(source).render({"request": request, **context})


def _request(nonce="n0nce-1"):
    request = RequestFactory().get("/page/")
    request.csp_nonce = nonce
    return request


def test_the_block_reads_as_the_tags_it_holds():
    once = "{% load portal_tags static dsfr_tags %}{% rendered_once %}"
    once += DSFR_TAGS.replace("NONCE", "nonce").removeprefix("{% load static dsfr_tags %}")
    once += "{% endrendered_once %}"
    template = engines["django"].from_string(once)
    for nonce in ("n0nce-1", "n0nce-2"):  # the second from memory
        expected = _render(DSFR_TAGS.replace("NONCE", "request.csp_nonce"), _request(nonce))
        assert template.render({"request": _request(nonce)}) == expected
        assert f'nonce="{nonce}"' in expected


def test_without_a_nonce_the_block_renders_without_one():
    source = "{% load portal_tags dsfr_tags %}{% rendered_once %}{% dsfr_js nonce=nonce %}"
    html = _render(source + "{% endrendered_once %}", _request(nonce=""))
    assert "nonce" not in html
    assert "<script" in html


def test_nothing_of_the_request_gets_into_the_block():
    source = "{% load portal_tags %}{% rendered_once %}[{{ request.path }}]{% endrendered_once %}"
    assert _render(source, _request()) == "[]"


def test_each_response_gets_its_own_nonce_in_the_page_and_the_policy(client, home_page):
    nonces = []
    for _ in range(2):
        response = client.get("/")
        policy = response["Content-Security-Policy"]
        nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
        scripts = re.findall(r'<script[^>]*nonce="([^"]+)"', response.content.decode())
        assert len(scripts) >= 2
        assert set(scripts) == {nonce}
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
