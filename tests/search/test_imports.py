"""`search` imports none of the content apps: they register their sources themselves."""

import ast
from pathlib import Path

import search

FORBIDDEN = ("cms", "community", "newsletter", "coeurdeville")


def test_search_imports_no_content_app():
    offenders = []
    for path in Path(search.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []
    assert len(list(Path(search.__file__).parent.rglob("*.py"))) > 10
