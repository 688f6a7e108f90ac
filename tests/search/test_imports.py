"""`search` imports none of the content apps: they register their sources themselves. From
the site package it only uses the shared rate limiter."""

import ast
from pathlib import Path

import search

CONTENT_APPS = ("cms", "community", "newsletter")
ALLOWED_FROM_SITE = {"coeurdeville.ratelimit"}


def imported_names() -> list[tuple[str, str]]:
    found = []
    for path in Path(search.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found += [(path.name, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_search_imports_no_content_app():
    names = imported_names()
    assert len(names) > 50
    assert [(f, n) for f, n in names if n.split(".")[0] in CONTENT_APPS] == []
    site = {n for _f, n in names if n.split(".")[0] == "coeurdeville"}
    assert site <= ALLOWED_FROM_SITE
