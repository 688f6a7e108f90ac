"""What production relies on: hosts, proxy headers, Celery's settings, robots, sitemap, 400."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cms.core.demo import load_legal_pages
from coeurdeville.settings import base
from community.accounts.models import User

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _python(code: str, **env: str) -> str:
    """Run `code` in a fresh interpreter with only `env` among the portal's variables."""
    return _run("-c", code, **env)


def _run(*args: str, **env: str) -> str:
    clean = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_SETTINGS_MODULE", "TRUSTED_PROXY", "BEHIND_PROXY", "ALLOWED_HOSTS"}
    }
    done = subprocess.run(
        [sys.executable, *args],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


PROXY_HEADER = (
    "from coeurdeville.settings import base; print(getattr(base, 'SECURE_PROXY_SSL_HEADER', None))"
)


def test_forwarded_proto_is_ignored_unless_a_proxy_is_declared():
    assert _python(PROXY_HEADER) == "None"
    assert _python(PROXY_HEADER, TRUSTED_PROXY="true") == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert _python(PROXY_HEADER, BEHIND_PROXY="1") == "('HTTP_X_FORWARDED_PROTO', 'https')"
    production = (
        "from coeurdeville.settings import production; "
        "print(getattr(production, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    assert _python(production, SECRET_KEY="x" * 50) == "None"


def test_a_client_cannot_pretend_to_be_on_https(client):
    body = client.get("/robots.txt", HTTP_X_FORWARDED_PROTO="https").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_celery_defaults_to_the_production_settings_like_wsgi():
    code = "import os, coeurdeville; print(os.environ['DJANGO_SETTINGS_MODULE'])"
    assert _python(code) == "coeurdeville.settings.production"
    # manage.py (the embedded default) still chooses the dev settings before Celery loads.
    shell = "from django.conf import settings; print(settings.SETTINGS_MODULE)"
    assert _run("manage.py", "shell", "--no-imports", "-c", shell) == "coeurdeville.settings.dev"


def test_testserver_is_not_an_allowed_host_outside_the_tests(client, settings):
    assert "testserver" not in _python(
        "from coeurdeville.settings import base; print(base.ALLOWED_HOSTS)"
    )
    settings.ALLOWED_HOSTS = base.ALLOWED_HOSTS
    assert client.get("/robots.txt").status_code == 400
    assert client.get("/robots.txt", HTTP_HOST="localhost").status_code == 200


def test_a_bad_host_header_gets_the_french_400_page(client):
    response = client.get("/", HTTP_HOST="attaquant.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "<h1>Requête incorrecte</h1>" in html
    assert "Bad Request" not in html


def test_head_robots_txt_answers_200(client):
    response = client.head("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize(
    ("host", "prefix"),
    [("127.0.0.1:8000", "http://127.0.0.1:8000/"), ("testserver", "http://testserver/")],
)
def test_sitemap_lists_urls_on_the_host_it_is_served_from(
    client, home_page, territories, programme, host, prefix, settings
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    load_legal_pages(home_page)
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    urls = [loc.text for loc in ET.fromstring(response.content).findall(".//sm:loc", SITEMAP_NS)]
    assert f"{prefix}mentions-legales/" in urls
    assert f"{prefix}villes/" in urls
    assert all(url.startswith(prefix) for url in urls), [
        u for u in urls if not u.startswith(prefix)
    ]


def test_the_admin_avatar_is_local_not_gravatar(client):
    editor = User.objects.create_superuser(
        "editrice@example.org", "motdepasse-solide-42", first_name="Ada", last_name="Lovelace"
    )
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert "default-user-avatar" in html
