"""The Nu HTML checker on the HTML the server sends for one page of each type."""

import json
import re
import subprocess
from collections import defaultdict

import pytest

pytestmark = pytest.mark.browser


def file_name(path: str) -> str:
    return (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "accueil") + ".html"


def test_every_page_type_is_valid_html(page_audits, vnu_jar, tmp_path):
    urls = {}
    for audit in page_audits:
        target = tmp_path / file_name(audit.path)
        target.write_text(audit.html, encoding="utf-8")
        urls[target.name] = audit.path
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(vnu_jar),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    # The same mistake usually comes from a shared template: list it once, with its pages.
    pages_by_error: dict[str, list[str]] = defaultdict(list)
    for message in json.loads(result.stdout)["messages"]:
        extract = " ".join(message.get("extract", "").split())
        pages_by_error[f"{message['message']}\n      {extract}"].append(
            f"{urls.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))}"
            f" (line {message.get('lastLine', '?')})"
        )
    assert not pages_by_error, f"{len(pages_by_error)} distinct HTML error(s):\n" + "\n".join(
        f"- {error}\n    on {', '.join(pages)}" for error, pages in pages_by_error.items()
    )
