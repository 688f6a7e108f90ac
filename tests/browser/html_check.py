"""The Nu HTML checker over a set of pages' HTML, in one JVM: errors grouped by message."""

import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

from .audit import PageAudit


def file_name(path: str) -> str:
    return (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "accueil") + ".html"


def html_errors(audits: list[PageAudit], vnu_jar: Path, folder: Path) -> dict[str, list[str]]:
    """Each distinct error (message and extract) with the pages (and lines) it occurs on."""
    urls = {}
    for audit in audits:
        target = folder / file_name(audit.path)
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
            str(folder),
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
    return dict(pages_by_error)


def describe(pages_by_error: dict[str, list[str]]) -> str:
    return f"{len(pages_by_error)} distinct HTML error(s):\n" + "\n".join(
        f"- {error}\n    on {', '.join(pages)}" for error, pages in pages_by_error.items()
    )
