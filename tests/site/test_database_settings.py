"""The database settings keep what DATABASE_URL says: TLS options above all."""

import json
import os
import subprocess
import sys

import pytest

URL = "postgres://cdv@db.example:5432/cdv?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem"


def _options(**env: str) -> dict:
    """The default database's OPTIONS as the settings compute them under `env`."""
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "coeurdeville.settings.test", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("prepared", ["true", "false"])
def test_the_urls_tls_options_survive_server_side_binding(prepared):
    options = _options(DATABASE_URL=URL, DB_PREPARED_STATEMENTS=prepared)
    assert options["sslmode"] == "verify-full"
    assert options["sslrootcert"] == "/etc/ssl/ca.pem"
    if prepared == "true":
        assert options["server_side_binding"] is True
        assert options["prepare_threshold"] == 5
    else:
        assert "server_side_binding" not in options
